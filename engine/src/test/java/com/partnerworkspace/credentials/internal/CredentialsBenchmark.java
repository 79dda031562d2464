package com.partnerworkspace.credentials.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerworkspace.broker.Broker;
import com.partnerworkspace.broker.BrokerAdapter;
import com.partnerworkspace.broker.BrokerAdapter.Tokens;
import com.partnerworkspace.broker.BrokerCatalogue;
import com.partnerworkspace.credentials.Connections;
import com.partnerworkspace.security.WorkspaceUser;
import com.partnerworkspace.system.DailyWindow;
import com.partnerworkspace.testsupport.Api;
import com.partnerworkspace.testsupport.EngineTest;
import com.partnerworkspace.testsupport.RealServers;
import com.partnerworkspace.vault.VaultSecrets;
import com.partnerworkspace.vault.VaultSecrets.SecretPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Prints reveal and rotate latency (p50/p95) beside the raw operations they wrap, measured in the same
 * run on the real servers (OpenBao, Keycloak's broker-sim realm, H2), as ratios (target ≤ 1.5x):
 *
 * <ul>
 *   <li>reveal through the API (HTTP, token check, access, Vault read, audit entry) and in the engine
 *       (the service call: access, MFA check, Vault read, audit entry), beside a raw Vault read, and
 *       beside a do-nothing POST that makes the same raw read: what the reveal adds to a request that
 *       reads Vault (a read made while serving a request costs more here than one from this loop);
 *   <li>rotate from the API call until the rotation is recorded (process, job executor, broker refresh
 *       and verify, Vault check-and-set write, audit), beside a raw Vault write and beside the raw steps
 *       it wraps (Vault read of the current credential, refresh + verify at the broker, Vault write,
 *       called directly).
 * </ul>
 *
 * Run: {@code ./mvnw -pl engine verify -Dgroups=benchmark -DexcludedGroups=none -Dtest=CredentialsBenchmark}.
 */
@EngineTest
@Tag("benchmark")
class CredentialsBenchmark {

    private static final int WARMUP = Integer.getInteger("benchmark.warmup", 1000);
    private static final int REVEALS = Integer.getInteger("benchmark.reveals", 1000);
    /**
     * 100, not 30: the p95 of 30 rotations is their second slowest, which swung from 1.14x to 1.70x of the raw
     * steps between runs of the same code; over 100 it is the sixth slowest.
     */
    private static final int ROTATIONS = Integer.getInteger("benchmark.rotations", 100);
    /**
     * Rotations run before any is measured, as the reveals have theirs: without them the first rotations
     * of a run compiled the rotation's code while being timed (p50 51 ms against 26-29 ms once warm).
     */
    private static final int ROTATION_WARMUP = Integer.getInteger("benchmark.rotation-warmup", 10);

    @Autowired
    VaultSecrets vault;

    @Autowired
    ConnectionService connections;

    @Autowired
    BrokerCatalogue brokers;

    @Autowired
    HistoryService history;

    @Autowired
    RevealHours revealHours;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void revealAndRotateBesideRawVault() {
        String id = Connections.connectedOk("nitin", "Benchmark " + UUID.randomUUID())
                .get("id")
                .asText();
        SecretPath path = new SecretPath("nitin", "connection-" + id);
        SecretPath raw = new SecretPath("nitin", "benchmark-" + UUID.randomUUID());
        vault.write(raw, vault.read(path).values());

        String mfa = RealServers.keycloak().mfaAccessToken("nitin");
        WorkspaceUser nitin =
                new WorkspaceUser("nitin", "Nitin", "nitin", java.util.Set.of("partner"), "mfa", Instant.now());
        // Straight through Api, as the floor's GET: Connections.post also reads every answer for a broker
        // login to remember, client work the floor does not pay.
        Runnable apiReveal = () -> postOk("/api/connections/" + id + "/reveal", mfa);
        Runnable engineReveal = () -> connections.reveal(nitin, id);
        Runnable rawRead = () -> vault.read(raw);
        Runnable readInRequest = () -> postOk("/api/benchmark/" + id + "/raw-read", mfa);
        Runnable httpRead = RawVaultHttp.kvReader(RealServers.openBao(), "partner-kv/data/" + raw);
        // Within the allowed hours whenever the benchmark runs: a reveal outside them also raises an alert.
        DailyWindow usual = revealHours.window();
        LocalTime now = LocalTime.now(ZoneOffset.UTC);
        revealHours.use(new DailyWindow(now.minusHours(1), now.plusHours(1), ZoneOffset.UTC));
        RequestMappingInfo probe = RawReadInRequest.register(mappings, rawRead);
        try {
            measureReveals(apiReveal, engineReveal, rawRead, httpRead, () -> apiFloor(mfa), readInRequest);
        } finally {
            mappings.unregisterMapping(probe);
            revealHours.use(usual);
        }

        Connection connection = connections.get(id);
        Broker broker = connections.broker(connection);
        BrokerAdapter adapter = brokers.adapterFor(broker);
        List<Long> rotations = new ArrayList<>();
        List<Long> rawWrites = new ArrayList<>();
        List<Long> rawSteps = new ArrayList<>();
        List<Long> engineSteps = new ArrayList<>();
        for (int i = 0; i < ROTATION_WARMUP + ROTATIONS; i++) {
            int before = vault.metadata(path).currentVersion();
            long started = System.nanoTime();
            Api.Response response =
                    Connections.post("/api/connections/" + id + "/rotate", Connections.token("nitin"), null);
            assertThat(response.status()).as(response.body()).isEqualTo(202);
            awaitRotated(id, path, before + 1);
            rotations.add(System.nanoTime() - started);
            awaitGracePeriod(id);
            engineSteps.add(stepNanos(id, "Task_WriteNewVersion") + stepNanos(id, "Task_VerifyNewVersion"));

            Map<String, String> current = vault.read(path).values();
            rawWrites.add(
                    timed(() -> vault.write(raw, current, vault.metadata(raw).currentVersion())));
            rawSteps.add(timed(() -> {
                // The refresh token lives in Vault: a rotation starts by reading it.
                Map<String, String> base = vault.read(path).values();
                BrokerAdapter.Keys keys = new BrokerAdapter.Keys(base.get("apiKey"), base.get("apiSecret"));
                Tokens renewed = adapter.refresh(broker, keys, Tokens.fromValues(base));
                adapter.verify(broker, keys, renewed);
                Map<String, String> values = new LinkedHashMap<>(base);
                values.putAll(renewed.asValues());
                vault.write(raw, values, vault.metadata(raw).currentVersion());
            }));
        }
        for (List<Long> samples : List.of(rotations, rawWrites, rawSteps, engineSteps)) {
            samples.subList(0, ROTATION_WARMUP).clear();
        }
        report("rotate (API call to rotation recorded)", rotations, "raw Vault write", rawWrites);
        report(
                "rotate (API call to rotation recorded)",
                rotations,
                "raw steps (Vault read + refresh + verify + Vault write)",
                rawSteps);
        report(
                "rotate steps in the engine (write + verify jobs, from history)",
                engineSteps,
                "raw steps (Vault read + refresh + verify + Vault write)",
                rawSteps);
        vault.destroy(raw);
    }

    /**
     * A POST on the same kind of path as the reveal ({@code /api/benchmark/{id}/raw-read}, authenticated by the
     * same token) that does nothing but the raw Vault read: what a read costs when the engine makes it while
     * serving a request. Registered on the running engine for this benchmark only, so it is in no API document.
     */
    @ResponseBody
    static final class RawReadInRequest {
        private final Runnable rawRead;

        private RawReadInRequest(Runnable rawRead) {
            this.rawRead = rawRead;
        }

        static RequestMappingInfo register(RequestMappingHandlerMapping mappings, Runnable rawRead) {
            RequestMappingInfo info = RequestMappingInfo.paths("/api/benchmark/{id}/raw-read")
                    .methods(RequestMethod.POST)
                    .produces(MediaType.APPLICATION_JSON_VALUE)
                    .options(mappings.getBuilderConfiguration())
                    .build();
            try {
                mappings.registerMapping(
                        info,
                        new RawReadInRequest(rawRead),
                        RawReadInRequest.class.getDeclaredMethod("read", String.class));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
            return info;
        }

        Map<String, String> read(@PathVariable("id") String id) {
            rawRead.run();
            return Map.of("read", id);
        }
    }

    /** {@code apiFloor}: an authenticated call that does next to nothing, for what HTTP and the token cost. */
    private static void measureReveals(
            Runnable apiReveal,
            Runnable engineReveal,
            Runnable rawRead,
            Runnable httpRead,
            Runnable apiFloor,
            Runnable readInRequest) {
        for (int i = 0; i < WARMUP; i++) {
            apiReveal.run();
            engineReveal.run();
            rawRead.run();
            httpRead.run();
            apiFloor.run();
            readInRequest.run();
        }
        List<Long> apiReveals = new ArrayList<>();
        List<Long> engineReveals = new ArrayList<>();
        List<Long> rawReads = new ArrayList<>();
        List<Long> httpReads = new ArrayList<>();
        List<Long> floors = new ArrayList<>();
        List<Long> readsInRequest = new ArrayList<>();
        List<Timed> round = new ArrayList<>(List.of(
                new Timed(readInRequest, readsInRequest),
                new Timed(apiFloor, floors),
                new Timed(apiReveal, apiReveals),
                new Timed(engineReveal, engineReveals),
                new Timed(rawRead, rawReads),
                new Timed(httpRead, httpReads)));
        Random order = new Random(21);
        for (int i = 0; i < REVEALS; i++) {
            Collections.shuffle(round, order);
            round.forEach(Timed::run);
        }
        report("Vault read through the adapter", rawReads, "the same KV read over plain HTTP", httpReads);
        report("reveal via the API", apiReveals, "raw Vault read", rawReads);
        report("reveal in the engine", engineReveals, "raw Vault read", rawReads);
        report("the API floor (do-nothing GET /api/probe/count, same token)", floors, "raw Vault read", rawReads);
        for (int percentile : new int[] {50, 95}) {
            revealTarget(percentile, apiReveals, floors, "the adapter's read", rawReads);
            revealTarget(percentile, apiReveals, floors, "the plain HTTP read", httpReads);
            revealOwnWork(percentile, apiReveals, readsInRequest, floors, rawReads);
        }
    }

    /** Issue 21's target: a reveal through the API costs at most the API floor plus 1.5x the raw read. */
    private static void revealTarget(
            int percentile, List<Long> apiReveals, List<Long> floors, String readName, List<Long> reads) {
        double reveal = percentile(apiReveals, percentile) / 1e6;
        double target = (percentile(floors, percentile) + 1.5 * percentile(reads, percentile)) / 1e6;
        System.out.printf(
                "%nBENCHMARK reveal via the API p%d %.2f ms against floor + 1.5x %s = %.2f ms: %s%n%n",
                percentile, reveal, readName, target, reveal <= target ? "met" : "NOT met");
    }

    /**
     * What a read costs inside a request beyond the same read from this loop, and what the reveal adds to a
     * request that makes the read: its own work (access, MFA age, audit entry and commit, its answer), which
     * the target's 0.5x of the read is there to cover.
     */
    private static void revealOwnWork(
            int percentile, List<Long> apiReveals, List<Long> readsInRequest, List<Long> floors, List<Long> reads) {
        double reveal = percentile(apiReveals, percentile) / 1e6;
        double inRequest = percentile(readsInRequest, percentile) / 1e6;
        double floor = percentile(floors, percentile) / 1e6;
        double read = percentile(reads, percentile) / 1e6;
        System.out.printf(
                "%nBENCHMARK p%d: the raw read costs %.2f ms inside a request (%.2f ms more than from this loop);"
                        + " the reveal adds %.2f ms of its own work to such a request, %.2fx the read (allowed 0.5x)%n%n",
                percentile,
                inRequest - floor,
                inRequest - floor - read,
                reveal - inRequest,
                (reveal - inRequest) / read);
    }

    /**
     * Polls the connection's record in-process, then checks Vault once: polling over HTTP and Vault every
     * few milliseconds loaded the two cores and OpenBao the rotation's own steps share, and so slowed the
     * steps it measures.
     */
    private void awaitRotated(String id, SecretPath path, int version) {
        pollUntil(
                () -> connections.get(id).activity() == null
                        && vault.metadata(path).currentVersion() >= version,
                () -> "rotation did not finish: " + connections.get(id));
    }

    /**
     * Waits for the rotation's last step after it is recorded (the team's email), until it waits out the
     * grace period. Before, the next rotation's write step started while this one's email was still being
     * sent, and the two shared the two cores: the steps measured 1.41-1.58x the raw steps, and 1.14x once
     * each rotation ran on its own. The raw steps timed next run on their own too.
     */
    private void awaitGracePeriod(String connectionId) {
        String rotation = latestRotation(connectionId).getId();
        pollUntil(
                () -> history.createHistoricActivityInstanceQuery()
                                .processInstanceId(rotation)
                                .activityId("Event_GracePeriodOver")
                                .count()
                        > 0,
                () -> "rotation of " + connectionId + " did not reach its grace period");
    }

    /** Checks every 2 ms, for at most a minute. */
    private static void pollUntil(BooleanSupplier done, Supplier<String> failure) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure.get());
            }
            Connections.sleep(Duration.ofMillis(2));
        }
    }

    private HistoricProcessInstance latestRotation(String connectionId) {
        return history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(ConnectionService.ROTATION)
                .processInstanceBusinessKey(connectionId)
                .orderByProcessInstanceStartTime()
                .desc()
                .listPage(0, 1)
                .get(0);
    }

    /** How long the latest rotation's activity ran, from the engine's history (job start to end). */
    private long stepNanos(String connectionId, String activityId) {
        HistoricProcessInstance latest = latestRotation(connectionId);
        HistoricActivityInstance step = history.createHistoricActivityInstanceQuery()
                .processInstanceId(latest.getId())
                .activityId(activityId)
                .singleResult();
        return Duration.between(
                        step.getStartTime().toInstant(), step.getEndTime().toInstant())
                .toNanos();
    }

    /**
     * The "do-nothing authenticated GET": the test engine's hidden probe that only echoes a number.
     * {@code GET /api/brokers}, the floor before, also lists the broker catalogue: 0.05-0.1 ms more, a
     * target that much easier.
     */
    private static void apiFloor(String token) {
        Api.Response response = Api.get("/api/probe/count?count=1", token);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private static void postOk(String path, String token) {
        Api.Response response = Api.send(
                path,
                token,
                request -> request.header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    /**
     * One operation and its samples. A round runs each once, in a new order every round (seeded, so runs
     * compare): in a fixed order the raw read always came right after the engine's reveal, itself a Vault
     * read, and a read inside a request measured 0.12-0.26 ms dearer than the raw one; shuffled, 0.08 ms.
     */
    private record Timed(Runnable action, List<Long> samples) {
        void run() {
            samples.add(timed(action));
        }
    }

    private static long timed(Runnable action) {
        long started = System.nanoTime();
        action.run();
        return System.nanoTime() - started;
    }

    private static void report(String name, List<Long> nanos, String rawName, List<Long> rawNanos) {
        double p50 = percentile(nanos, 50);
        double p95 = percentile(nanos, 95);
        double rawP50 = percentile(rawNanos, 50);
        double rawP95 = percentile(rawNanos, 95);
        System.out.printf(
                "%nBENCHMARK %s over %d: p50 %.2f ms, p95 %.2f ms | %s: p50 %.2f ms, p95 %.2f ms | ratio p50 %.2fx, p95 %.2fx (target <= 1.5x)%n%n",
                name,
                nanos.size(),
                p50 / 1e6,
                p95 / 1e6,
                rawName,
                rawP50 / 1e6,
                rawP95 / 1e6,
                p50 / rawP50,
                p95 / rawP95);
    }

    private static double percentile(List<Long> values, int percentile) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(Long::compare);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }
}
