package com.partnerworkspace.credentials.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerworkspace.credentials.BrokerLatency.Point;
import com.partnerworkspace.testsupport.RepositorySlice;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Latency samples rolled up into 5-minute and 1-hour buckets on the real schema: the count, errors and
 * exact p50/p95 per bucket, only closed buckets, a second roll-up replacing the first, charts that merge
 * buckets, and what is pruned when. The roll-up commits in transactions of its own, so these tests run
 * outside the slice's test transaction and empty the tables first.
 */
@RepositorySlice
@Import({LatencyRepository.class, LatencyRollups.class})
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class LatencyRollupsRepositoryTest {

    /** 10:00 on a day: a 5-minute, hour and day boundary. */
    private static final Instant TEN = Instant.parse("2030-03-04T10:00:00Z");

    @Autowired
    LatencyRepository repository;

    @Autowired
    LatencyRollups rollups;

    @Autowired
    JdbcClient db;

    @BeforeEach
    void emptyTables() {
        db.sql("delete from broker_latency_sample").update();
        db.sql("delete from broker_latency_bucket").update();
        db.sql("delete from broker_latency_partner_bucket").update();
        db.sql("update broker_latency_rollup set rolled_until = null").update();
    }

    @Nested
    class Buckets {

        @Test
        void aBucketCountsItsCallsAndErrorsAndKeepsExactPercentiles() {
            // 10, 20, ..., 100 ms within 10:00-10:05; the calls of 30 and 70 ms failed.
            for (int i = 1; i <= 10; i++) {
                repository.record(sample("c-1", TEN.plusSeconds(25L * i), i * 10, i == 3 || i == 7));
            }

            rollups.rollUp(TEN.plus(Duration.ofMinutes(61)));

            LatencyBucket fiveMinutes = only(LatencyRollups.FIVE_MINUTES);
            assertThat(fiveMinutes.start()).isEqualTo(TEN);
            assertThat(fiveMinutes.samples()).isEqualTo(10);
            assertThat(fiveMinutes.errors()).isEqualTo(2);
            assertThat(fiveMinutes.p50Ms()).isEqualTo(50);
            assertThat(fiveMinutes.p95Ms()).isEqualTo(100);
            LatencyBucket hour = only(LatencyRollups.ONE_HOUR);
            assertThat(hour.start()).isEqualTo(TEN);
            assertThat(List.of(hour.samples(), hour.errors(), hour.p50Ms(), hour.p95Ms()))
                    .containsExactly(10, 2, 50, 100);
        }

        @Test
        void eachConnectionAndEachStretchHasItsOwnBucket() {
            repository.record(sample("c-1", TEN.plusSeconds(10), 5, false));
            repository.record(sample("c-2", TEN.plusSeconds(20), 7, false));
            repository.record(sample("c-1", TEN.plusSeconds(310), 9, false));

            rollups.rollUp(TEN.plus(Duration.ofHours(2)));

            assertThat(bucketsOf(LatencyRollups.FIVE_MINUTES))
                    .extracting(b -> b.source() + "@" + b.start() + "=" + b.p50Ms())
                    .containsExactlyInAnyOrder(
                            "c-1@" + TEN + "=5", "c-2@" + TEN + "=7", "c-1@" + TEN.plusSeconds(300) + "=9");
            assertThat(bucketsOf(LatencyRollups.ONE_HOUR))
                    .extracting(b -> b.source() + "=" + b.samples())
                    .containsExactlyInAnyOrder("c-1=2", "c-2=1");
        }

        @Test
        void aPartnersBucketHoldsAllItsConnectionsCallsWithExactPercentiles() {
            for (int i = 1; i <= 10; i++) {
                repository.record(sample(i % 2 == 0 ? "c-1" : "c-2", TEN.plusSeconds(20L * i), i * 10, i == 10));
            }

            rollups.rollUp(TEN.plus(Duration.ofHours(1)));

            List<LatencyBucket> partner =
                    repository.partnerBuckets("nikhil", LatencyRollups.FIVE_MINUTES, TEN, TEN.plusSeconds(300));
            assertThat(partner).hasSize(1);
            assertThat(List.of(
                            partner.get(0).samples(),
                            partner.get(0).errors(),
                            partner.get(0).p50Ms(),
                            partner.get(0).p95Ms()))
                    .containsExactly(10, 1, 50, 100);
            assertThat(rollups.partnerChart("nikhil", TEN, TEN.plus(Duration.ofHours(1)), Duration.ofHours(1))
                            .total())
                    .isEqualTo(new Point(TEN, 50, 100, 1, 10));
            assertThat(repository.partnerBuckets("mukesh", LatencyRollups.FIVE_MINUTES, TEN, TEN.plusSeconds(300)))
                    .isEmpty();
        }

        @Test
        void onlyClosedBucketsAreRolledUpAndTheOpenOneFollowsOnceItCloses() {
            repository.record(sample("c-1", TEN.plusSeconds(10), 5, false));
            repository.record(sample("c-1", TEN.plusSeconds(320), 15, false));

            rollups.rollUp(TEN.plusSeconds(330));
            assertThat(bucketsOf(LatencyRollups.FIVE_MINUTES))
                    .extracting(LatencyBucket::start)
                    .containsExactly(TEN);
            assertThat(bucketsOf(LatencyRollups.ONE_HOUR)).isEmpty();

            rollups.rollUp(TEN.plusSeconds(600));
            assertThat(bucketsOf(LatencyRollups.FIVE_MINUTES))
                    .extracting(LatencyBucket::start)
                    .containsExactly(TEN, TEN.plusSeconds(300));
        }

        @Test
        void rollingUpAgainChangesNothing() {
            repository.record(sample("c-1", TEN.plusSeconds(10), 5, false));
            rollups.rollUp(TEN.plus(Duration.ofHours(1)));
            db.sql("update broker_latency_rollup set rolled_until = null").update();

            rollups.rollUp(TEN.plus(Duration.ofHours(1)));
            rollups.rollUp(TEN.plus(Duration.ofHours(1)));

            assertThat(bucketsOf(LatencyRollups.FIVE_MINUTES)).hasSize(1);
            assertThat(bucketsOf(LatencyRollups.ONE_HOUR)).hasSize(1);
        }
    }

    @Nested
    class Charts {

        @Test
        void aPointOfOneBucketKeepsItsExactPercentilesAndOneOfManyMergesThemWithinTenPercent() {
            List<Integer> all = new ArrayList<>();
            // Two connections, 12 five-minute buckets each, latencies 1..600 ms spread over them.
            for (int i = 0; i < 600; i++) {
                int latency = i + 1;
                all.add(latency);
                repository.record(sample(i % 2 == 0 ? "c-1" : "c-2", TEN.plusSeconds(6L * i), latency, i % 100 == 0));
            }
            rollups.rollUp(TEN.plus(Duration.ofHours(2)));

            List<Point> fiveMinutes = rollups.chart(
                            List.of("c-1"), TEN, TEN.plus(Duration.ofHours(1)), Duration.ofMinutes(5))
                    .points();
            assertThat(fiveMinutes).hasSize(12);
            LatencyBucket first = bucketsOf(LatencyRollups.FIVE_MINUTES).stream()
                    .filter(b -> b.source().equals("c-1") && b.start().equals(TEN))
                    .findFirst()
                    .orElseThrow();
            assertThat(fiveMinutes.get(0))
                    .isEqualTo(new Point(TEN, first.p50Ms(), first.p95Ms(), first.errors(), first.samples()));

            LatencyRollups.Chart hour =
                    rollups.chart(List.of("c-1", "c-2"), TEN, TEN.plus(Duration.ofHours(1)), Duration.ofMinutes(15));
            assertThat(hour.points()).extracting(Point::samples).containsExactly(150L, 150L, 150L, 150L);
            assertThat(hour.points()).extracting(Point::errors).containsExactly(2L, 1L, 2L, 1L);
            Point total = hour.total();
            assertThat(total.samples()).isEqualTo(600);
            assertThat(total.errors()).isEqualTo(6);
            assertThat(total.p50()).isBetween(300, 330);
            assertThat(total.p95()).isBetween(570, 627);
        }

        @Test
        void wholeHourStepsReadHourlyBucketsAndAnHourWithoutCallsHasNoPercentiles() {
            repository.record(sample("c-1", TEN.plusSeconds(10), 40, false));
            repository.record(sample("c-1", TEN.plus(Duration.ofHours(2)), 60, true));
            rollups.rollUp(TEN.plus(Duration.ofHours(3)));
            db.sql("delete from broker_latency_bucket where size_minutes = 5").update();

            List<Point> hours = rollups.chart(List.of("c-1"), TEN, TEN.plus(Duration.ofHours(3)), Duration.ofHours(1))
                    .points();

            assertThat(hours)
                    .containsExactly(
                            new Point(TEN, 40, 40, 0, 1),
                            new Point(TEN.plus(Duration.ofHours(1)), null, null, 0, 0),
                            new Point(TEN.plus(Duration.ofHours(2)), 60, 60, 1, 1));
        }

        @Test
        void connectionsNotNamedAreLeftOut() {
            repository.record(sample("c-1", TEN.plusSeconds(10), 40, false));
            repository.record(sample("c-2", TEN.plusSeconds(10), 400, false));
            rollups.rollUp(TEN.plus(Duration.ofHours(1)));

            assertThat(rollups.chart(List.of("c-2"), TEN, TEN.plusSeconds(300), Duration.ofMinutes(5))
                            .total())
                    .isEqualTo(new Point(TEN, 400, 400, 0, 1));
            assertThat(rollups.chart(List.of(), TEN, TEN.plusSeconds(300), Duration.ofMinutes(5))
                            .total()
                            .samples())
                    .isZero();
        }
    }

    @Nested
    class Pruning {

        @Test
        void rawSamplesGoAfter48HoursFiveMinuteBucketsAfter8DaysHourlyOnesStay() {
            Instant old = TEN.minus(Duration.ofDays(9));
            repository.record(sample("c-1", old, 10, false));
            repository.record(sample("c-1", TEN.minus(Duration.ofHours(47)), 20, false));

            rollups.rollUp(TEN);

            assertThat(db.sql("select latency_ms from broker_latency_sample")
                            .query(Integer.class)
                            .list())
                    .containsExactly(20);
            assertThat(bucketsOf(LatencyRollups.FIVE_MINUTES))
                    .extracting(LatencyBucket::p50Ms)
                    .containsExactly(20);
            assertThat(bucketsOf(LatencyRollups.ONE_HOUR))
                    .extracting(LatencyBucket::p50Ms)
                    .containsExactly(10, 20);
            assertThat(repository.partnerBuckets("nikhil", LatencyRollups.FIVE_MINUTES, Instant.EPOCH, TEN))
                    .extracting(LatencyBucket::p50Ms)
                    .containsExactly(20);
            assertThat(repository.partnerBuckets("nikhil", LatencyRollups.ONE_HOUR, Instant.EPOCH, TEN))
                    .hasSize(2);
        }

        @Test
        void aRollUpResumesFromItsMark() {
            repository.record(sample("c-1", TEN.minus(Duration.ofDays(3)), 10, false));
            repository.rolledUntil(LatencyRollups.FIVE_MINUTES, TEN.minus(Duration.ofDays(4)));
            repository.rolledUntil(LatencyRollups.ONE_HOUR, TEN.minus(Duration.ofDays(4)));

            rollups.rollUp(TEN);

            assertThat(bucketsOf(LatencyRollups.ONE_HOUR)).hasSize(1);
        }
    }

    @Test
    void theHistogramsPercentilesAreAtMostTenPercentAboveTheExactOnes() {
        List<Integer> values = IntStream.rangeClosed(1, 5000).boxed().toList();
        LatencyHistogram histogram =
                LatencyHistogram.decode(LatencyHistogram.of(values).encode());
        for (int percent : new int[] {1, 50, 90, 95, 99, 100}) {
            int exact = LatencyRollups.exactPercentile(values, percent);
            assertThat(histogram.percentile(percent)).isBetween(exact, (int) Math.ceil(exact * 1.1));
        }
        assertThat(LatencyHistogram.empty().percentile(50)).isNull();
        assertThat(LatencyHistogram.binOf(0)).isZero();
        assertThat(LatencyHistogram.binOf(Integer.MAX_VALUE)).isEqualTo(LatencyHistogram.BINS - 1);
    }

    private List<LatencyBucket> bucketsOf(int size) {
        return repository.buckets(List.of("c-1", "c-2"), size, Instant.EPOCH, TEN.plus(Duration.ofDays(1)));
    }

    private LatencyBucket only(int size) {
        List<LatencyBucket> buckets = bucketsOf(size);
        assertThat(buckets).hasSize(1);
        return buckets.get(0);
    }

    private static LatencySample sample(String connection, Instant at, int latencyMs, boolean failed) {
        return new LatencySample(
                connection, "nikhil", "broker-sim", at, latencyMs, !failed, failed ? "BROKER_UNREACHABLE" : null);
    }
}
