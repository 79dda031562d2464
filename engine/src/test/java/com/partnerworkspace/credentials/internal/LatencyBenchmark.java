package com.partnerworkspace.credentials.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerworkspace.testsupport.Api;
import com.partnerworkspace.testsupport.EngineOnPostgres;
import com.partnerworkspace.testsupport.KeycloakServer;
import java.sql.Array;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dashboard's reads at scale on PostgreSQL: a partner with 20 broker connections and 90 days of
 * one-per-minute latency samples each (2,592,000 rows, loaded server-side in one INSERT … SELECT per day,
 * then rolled up by the product's own roll-up), then every widget endpoint and the latency chart over
 * 24 h, 7 days, 30 days and 90 days, called over HTTP with a real ops token (who sees the whole partner, so
 * charts read the partner's buckets; the connections' own buckets, read for a grant limited to some
 * connections, are timed in the engine), {@value #CALLS} times each after
 * {@value #WARMUP} warm-up calls. Prints p50/p95 per endpoint (target p95 < 50 ms), the roll-up's time,
 * and the storage per connection per day of each kind of row at its keeping time.
 *
 * <p>Run: {@code ./mvnw -pl engine verify -Dgroups=benchmark -DexcludedGroups=none -Dtest=LatencyBenchmark}.
 */
@EngineOnPostgres
@Order(Integer.MAX_VALUE)
@Tag("benchmark")
class LatencyBenchmark {

    private static final int CONNECTIONS = 20;
    private static final int DAYS = 90;
    private static final int WARMUP = 20;
    private static final int CALLS = 200;

    @Autowired
    ConnectionRepository connections;

    @Autowired
    LatencyRollups rollups;

    @Autowired
    JdbcClient db;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    Clock clock;

    @LocalServerPort
    int port;

    @Test
    void widgetsAndChartsOverNinetyDaysOfSamplesFromTwentyConnections(KeycloakServer keycloak) throws Exception {
        String partner = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = clock.instant();
        List<String> ids = IntStream.range(0, CONNECTIONS)
                .mapToObj(i -> createConnection(partner, i, now))
                .toList();
        try {
            // The samples and a reset roll-up mark commit together, so the engine's own scan (every 5 minutes)
            // either sees neither or both: it never marks days as rolled up whose samples came later.
            new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
                load(ids, partner, now);
                db.sql("update broker_latency_rollup set rolled_until = null").update();
            });
            Map<String, Long> rawBytes = sizes();
            long rawRows = rows("broker_latency_sample", ids);
            long rollupStarted = System.nanoTime();
            rollups.rollUp(clock.instant());
            long rollupMillis = (System.nanoTime() - rollupStarted) / 1_000_000;
            jdbc.execute("analyze broker_latency_sample");
            jdbc.execute("analyze broker_latency_bucket");
            long fiveMinuteRows = bucketRows(ids, LatencyRollups.FIVE_MINUTES);
            long hourlyRows = bucketRows(ids, LatencyRollups.ONE_HOUR);
            assertThat(hourlyRows).isGreaterThan((long) CONNECTIONS * 24 * (DAYS - 1));
            System.out.printf(
                    "%nBENCHMARK latency load: %,d raw samples for %d connections over %d days; roll-up of them into"
                            + " %,d 5-minute (kept 8 days) and %,d hourly buckets took %,d ms; raw left after pruning: %,d%n",
                    rawRows,
                    CONNECTIONS,
                    DAYS,
                    fiveMinuteRows,
                    hourlyRows,
                    rollupMillis,
                    rows("broker_latency_sample", ids));
            reportStorage(rawBytes, rawRows, fiveMinuteRows, hourlyRows);

            String ops = keycloak.accessToken("omar");
            Map<String, String> endpoints = new LinkedHashMap<>();
            for (String widget : List.of(
                    "broker-connections",
                    "upcoming-rotations",
                    "latency",
                    "delegations",
                    "alerts",
                    "audit",
                    "onboarding")) {
                endpoints.put(
                        "widget " + widget + " (P30D)",
                        "/api/workspace/widgets/" + widget + "?partner=" + partner + "&window=P30D");
            }
            endpoints.put(
                    "widget latency (PT24H)", "/api/workspace/widgets/latency?partner=" + partner + "&window=PT24H");
            endpoints.put("widget login-health", "/api/workspace/widgets/login-health?window=P30D");
            endpoints.put("widget approvals", "/api/workspace/widgets/approvals");
            endpoints.put("widget platform-health", "/api/workspace/widgets/platform-health");
            endpoints.put("widget partner-overview", "/api/workspace/widgets/partner-overview?window=P30D");
            endpoints.put("latency chart PT24H/PT5M", "/api/partners/" + partner + "/latency?window=PT24H&step=PT5M");
            endpoints.put("latency chart P7D/PT1H", "/api/partners/" + partner + "/latency?window=P7D&step=PT1H");
            endpoints.put("latency chart P30D/PT1H", "/api/partners/" + partner + "/latency?window=P30D&step=PT1H");
            endpoints.put(
                    "latency chart P30D (default step PT6H)", "/api/partners/" + partner + "/latency?window=P30D");
            endpoints.put("latency chart P90D/P1D", "/api/partners/" + partner + "/latency?window=P90D&step=P1D");
            for (Map.Entry<String, String> endpoint : endpoints.entrySet()) {
                measure(endpoint.getKey(), endpoint.getValue(), ops);
            }
            // A grant limited to connections reads the connections' own buckets (no HTTP persona has one here).
            Instant to = LatencyRollups.floor(clock.instant(), Duration.ofHours(1));
            measureInEngine(
                    "in engine: 30-day chart P30D/PT1H from the 20 connections' own buckets",
                    () -> rollups.chart(ids, to.minus(Duration.ofDays(30)), to, Duration.ofHours(1)));
            measureInEngine(
                    "in engine: 30-day chart P30D/PT1H from the partner's buckets",
                    () -> rollups.partnerChart(partner, to.minus(Duration.ofDays(30)), to, Duration.ofHours(1)));
        } finally {
            db.sql("delete from broker_latency_sample where connection_id in (:ids)")
                    .param("ids", ids)
                    .update();
            db.sql("delete from broker_latency_bucket where connection_id in (:ids)")
                    .param("ids", ids)
                    .update();
            ids.forEach(connections::delete);
        }
    }

    private String createConnection(String partner, int index, Instant now) {
        String id = UUID.randomUUID().toString();
        connections.insert(new Connection(
                id,
                partner,
                "broker-sim",
                "Account " + index,
                ConnectionState.ACTIVE,
                "••••" + index,
                partner,
                now.minus(Duration.ofDays(DAYS + 1)),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null));
        // A token issued an hour ago that ends in a day: no Vault credential, so no scan ever calls it.
        connections.tokensStored(id, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)), null);
        return id;
    }

    /**
     * One INSERT … SELECT per day over all connections (generate_series on the server): 20–50 ms with a
     * tail of slow calls, about 1 % failing.
     */
    private void load(List<String> ids, String partner, Instant now) {
        long started = System.nanoTime();
        Instant end = LatencyRollups.floor(now, Duration.ofMinutes(1));
        Array idArray =
                jdbc.execute((java.sql.Connection connection) -> connection.createArrayOf("varchar", ids.toArray()));
        for (int day = DAYS; day > 0; day--) {
            Instant from = end.minus(Duration.ofDays(day));
            Instant to = from.plus(Duration.ofDays(1)).minusSeconds(60);
            jdbc.update("""
                    insert into broker_latency_sample (connection_id, at, partner, broker, latency_ms, ok, error)
                    select c.id, t, ?, 'broker-sim',
                           (20 + floor(random() * 30) + case when random() < 0.05 then floor(random() * 400) else 0 end)::int,
                           f.failed is null, f.failed
                    from unnest(?::varchar[]) as c(id)
                    cross join generate_series(?::timestamptz, ?::timestamptz, interval '1 minute') as t
                    cross join lateral (select case when random() < 0.01 then 'BROKER_UNREACHABLE' end as failed) f""", partner, idArray, java.sql.Timestamp.from(from), java.sql.Timestamp.from(to));
        }
        jdbc.execute("analyze broker_latency_sample");
        System.out.printf("%nBENCHMARK latency load: inserted in %,d ms%n", (System.nanoTime() - started) / 1_000_000);
    }

    private Map<String, Long> sizes() {
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (String table : List.of("broker_latency_sample", "broker_latency_bucket")) {
            sizes.put(
                    table,
                    db.sql("select pg_total_relation_size('" + table + "')")
                            .query(Long.class)
                            .single());
        }
        return sizes;
    }

    private long rows(String table, List<String> ids) {
        return db.sql("select count(*) from " + table + " where connection_id in (:ids)")
                .param("ids", ids)
                .query(Long.class)
                .single();
    }

    private long bucketRows(List<String> ids, int size) {
        return db.sql(
                        "select count(*) from broker_latency_bucket where connection_id in (:ids) and size_minutes = :size")
                .param("ids", ids)
                .param("size", size)
                .query(Long.class)
                .single();
    }

    /** Bytes per row (table + indexes, as PostgreSQL stores them) times the rows one connection keeps per day. */
    private void reportStorage(Map<String, Long> rawBytes, long rawRows, long fiveMinuteRows, long hourlyRows) {
        jdbc.execute("vacuum full broker_latency_bucket");
        jdbc.execute("vacuum full broker_latency_partner_bucket");
        long bucketBytes = sizes().get("broker_latency_bucket");
        long partnerBucketBytes = db.sql("select pg_total_relation_size('broker_latency_partner_bucket')")
                .query(Long.class)
                .single();
        long partnerBuckets = db.sql("select count(*) from broker_latency_partner_bucket")
                .query(Long.class)
                .single();
        System.out.printf(
                "%nBENCHMARK latency storage per partner per day (all its connections together): %.1f KB/day of"
                        + " 5-minute and %.1f KB/day of hourly partner buckets (%.0f B/row)%n",
                (double) partnerBucketBytes / Math.max(1, partnerBuckets) * 288 / 1024,
                (double) partnerBucketBytes / Math.max(1, partnerBuckets) * 24 / 1024,
                (double) partnerBucketBytes / Math.max(1, partnerBuckets));
        long allBuckets = db.sql("select count(*) from broker_latency_bucket")
                .query(Long.class)
                .single();
        double perSample = (double) rawBytes.get("broker_latency_sample") / Math.max(1, rawRows);
        double perBucket = (double) bucketBytes / Math.max(1, allBuckets);
        double rawPerDay = perSample * 1440;
        double fivePerDay = perBucket * 288;
        double hourlyPerDay = perBucket * 24;
        System.out.printf(
                "%nBENCHMARK latency storage per connection per day (one sample a minute): raw %.0f B/row -> %.1f KB/day"
                        + " (kept 2 days: %.1f KB); 5-minute buckets %.0f B/row -> %.1f KB/day (kept 8 days: %.1f KB);"
                        + " hourly buckets -> %.1f KB/day (kept 400 days: %.2f MB). Steady state per connection: %.2f MB;"
                        + " for 20 connections %.1f MB. Without rollups 90 days of raw samples would be %.1f MB per connection.%n%n",
                perSample,
                rawPerDay / 1024,
                2 * rawPerDay / 1024,
                perBucket,
                fivePerDay / 1024,
                8 * fivePerDay / 1024,
                hourlyPerDay / 1024,
                400 * hourlyPerDay / 1024 / 1024,
                (2 * rawPerDay + 8 * fivePerDay + 400 * hourlyPerDay) / 1024 / 1024,
                CONNECTIONS * (2 * rawPerDay + 8 * fivePerDay + 400 * hourlyPerDay) / 1024 / 1024,
                90 * rawPerDay / 1024 / 1024);
    }

    private static void measureInEngine(String name, Runnable call) {
        for (int i = 0; i < WARMUP; i++) {
            call.run();
        }
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            long started = System.nanoTime();
            call.run();
            nanos.add(System.nanoTime() - started);
        }
        print(name, nanos);
    }

    private void measure(String name, String path, String token) {
        String base = "http://localhost:" + port;
        for (int i = 0; i < WARMUP; i++) {
            Api.Response response = Api.get(base, path, token);
            assertThat(response.status()).as(name + ": " + response.body()).isEqualTo(200);
        }
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            long started = System.nanoTime();
            Api.get(base, path, token);
            nanos.add(System.nanoTime() - started);
        }
        print(name, nanos);
    }

    private static void print(String name, List<Long> nanos) {
        nanos.sort(Long::compare);
        double p50 = nanos.get(CALLS / 2 - 1) / 1e6;
        double p95 = nanos.get((int) Math.ceil(0.95 * CALLS) - 1) / 1e6;
        System.out.printf(
                "BENCHMARK %-45s p50 %6.2f ms, p95 %6.2f ms (target p95 < 50 ms)%s%n",
                name, p50, p95, p95 < 50 ? "" : "  <-- over target");
    }
}
