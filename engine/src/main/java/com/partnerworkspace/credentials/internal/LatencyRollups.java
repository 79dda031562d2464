package com.partnerworkspace.credentials.internal;

import com.partnerworkspace.credentials.BrokerLatency.Point;
import com.partnerworkspace.system.JdbcRows;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rolls raw latency samples up into 5-minute and 1-hour buckets per connection, keeps each kind bounded, and
 * reads charts from the buckets: a point that covers several buckets merges their histograms, a point that
 * is one bucket keeps its exact percentiles. Only closed buckets are rolled up (up to the last 5-minute or
 * hour boundary before now), each day of samples in a transaction of its own (also inside the scan's job)
 * with the mark of how far it got, so a failed roll-up resumes where it stopped.
 */
@Component
class LatencyRollups {

    static final int FIVE_MINUTES = 5;
    static final int ONE_HOUR = 60;
    static final Duration SAMPLES_KEPT = Duration.ofHours(48);
    static final Duration FIVE_MINUTE_BUCKETS_KEPT = Duration.ofDays(8);
    static final Duration HOURLY_BUCKETS_KEPT = Duration.ofDays(400);
    private static final Duration CHUNK = Duration.ofDays(1);

    private final LatencyRepository repository;
    private final TransactionTemplate transactions;

    LatencyRollups(LatencyRepository repository, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.transactions = JdbcRows.ownTransaction(transactions);
    }

    /** Rolls up every closed bucket not rolled up yet, then drops what is past its keeping time. */
    void rollUp(Instant now) {
        rollUp(FIVE_MINUTES, now);
        rollUp(ONE_HOUR, now);
        prune(now);
    }

    private void rollUp(int sizeMinutes, Instant now) {
        Instant until = floor(now, Duration.ofMinutes(sizeMinutes));
        while (Boolean.TRUE.equals(transactions.execute(status -> rollUpNextDay(sizeMinutes, until)))) {
            // one day of samples per transaction
        }
    }

    /**
     * Rolls up the day of samples after the mark (locked until this transaction ends, so a second roll-up
     * running at the same time waits and then starts where this one stopped); false when nothing is left.
     */
    private boolean rollUpNextDay(int sizeMinutes, Instant until) {
        Optional<Instant> start = repository.lockRolledUntil(sizeMinutes).or(repository::earliestSample);
        if (start.isEmpty()) {
            return false;
        }
        Instant from = floor(start.get(), Duration.ofMinutes(sizeMinutes));
        if (!from.isBefore(until)) {
            return false;
        }
        Instant to = min(from.plus(CHUNK), until);
        List<LatencySample> samples = repository.samplesBetween(from, to);
        repository.replaceBuckets(
                sizeMinutes,
                from,
                to,
                bucketsOf(samples, sizeMinutes, LatencySample::connectionId),
                bucketsOf(samples, sizeMinutes, LatencySample::partner));
        repository.rolledUntil(sizeMinutes, to);
        return true;
    }

    /** Raw samples go once both bucket sizes hold them and they are past their keeping time. */
    private void prune(Instant now) {
        Instant rolledBoth = Stream.of(FIVE_MINUTES, ONE_HOUR)
                .map(repository::rolledUntil)
                .map(until -> until.orElse(Instant.EPOCH))
                .min(Instant::compareTo)
                .orElseThrow();
        repository.deleteSamplesBefore(min(now.minus(SAMPLES_KEPT), rolledBoth));
        repository.deleteBucketsBefore(FIVE_MINUTES, now.minus(FIVE_MINUTE_BUCKETS_KEPT));
        repository.deleteBucketsBefore(ONE_HOUR, now.minus(HOURLY_BUCKETS_KEPT));
    }

    /** One bucket per source ({@code sourceOf}: the connection or the partner) and {@code sizeMinutes} stretch. */
    static List<LatencyBucket> bucketsOf(
            List<LatencySample> samples, int sizeMinutes, Function<LatencySample, String> sourceOf) {
        Duration size = Duration.ofMinutes(sizeMinutes);
        Map<String, List<LatencySample>> groups = new LinkedHashMap<>();
        for (LatencySample sample : samples) {
            groups.computeIfAbsent(sourceOf.apply(sample) + "@" + floor(sample.at(), size), key -> new ArrayList<>())
                    .add(sample);
        }
        return groups.values().stream()
                .map(group -> bucketOf(sourceOf.apply(group.get(0)), group, sizeMinutes))
                .toList();
    }

    private static LatencyBucket bucketOf(String source, List<LatencySample> group, int sizeMinutes) {
        List<Integer> latencies =
                group.stream().map(LatencySample::latencyMs).sorted().toList();
        LatencySample first = group.get(0);
        return new LatencyBucket(
                source,
                sizeMinutes,
                floor(first.at(), Duration.ofMinutes(sizeMinutes)),
                latencies.size(),
                (int) group.stream().filter(sample -> !sample.ok()).count(),
                exactPercentile(latencies, 50),
                exactPercentile(latencies, 95),
                LatencyHistogram.of(latencies).encode());
    }

    /** Nearest rank of sorted values. */
    static int exactPercentile(List<Integer> sorted, int percent) {
        return sorted.get((int) LatencyHistogram.rank(percent, sorted.size()) - 1);
    }

    /** A chart's points and all of its calls as one point (at its start). */
    record Chart(List<Point> points, Point total) {}

    /**
     * One point per {@code step} from {@code from} (aligned to the step) until {@code to}, for the connections
     * named; a point without calls has null percentiles. Reads 1-hour buckets when the step is whole hours,
     * else 5-minute ones.
     */
    Chart chart(Collection<String> connectionIds, Instant from, Instant to, Duration step) {
        return chart(from, to, step, end -> repository.buckets(connectionIds, sourceSizeFor(step), from, end));
    }

    /** As {@link #chart(Collection, Instant, Instant, Duration)} for all of the partner's connections. */
    Chart partnerChart(String partner, Instant from, Instant to, Duration step) {
        return chart(from, to, step, end -> repository.partnerBuckets(partner, sourceSizeFor(step), from, end));
    }

    private static Chart chart(
            Instant from, Instant to, Duration step, Function<Instant, List<LatencyBucket>> bucketsUntil) {
        int points = (int) Duration.between(from, to).dividedBy(step);
        Instant end = from.plus(step.multipliedBy(points));
        List<List<LatencyBucket>> perPoint = new ArrayList<>(points);
        for (int i = 0; i < points; i++) {
            perPoint.add(new ArrayList<>());
        }
        for (LatencyBucket bucket : bucketsUntil.apply(end)) {
            perPoint.get((int) Duration.between(from, bucket.start()).dividedBy(step))
                    .add(bucket);
        }
        List<Point> series = new ArrayList<>(points);
        Tally total = new Tally();
        for (int i = 0; i < points; i++) {
            Tally point = Tally.of(perPoint.get(i));
            series.add(point.at(from.plus(step.multipliedBy(i))));
            total.add(point);
        }
        return new Chart(series, total.at(from));
    }

    /** Calls, errors and latencies of some buckets; each bucket's histogram is read once. */
    private static final class Tally {

        private final LatencyHistogram latencies = LatencyHistogram.empty();
        private long samples;
        private long errors;
        private LatencyBucket only;
        private int buckets;

        static Tally of(List<LatencyBucket> buckets) {
            Tally tally = new Tally();
            for (LatencyBucket bucket : buckets) {
                tally.samples += bucket.samples();
                tally.errors += bucket.errors();
                tally.latencies.addEncoded(bucket.histogram());
                tally.only = bucket;
                tally.buckets++;
            }
            return tally;
        }

        void add(Tally other) {
            samples += other.samples;
            errors += other.errors;
            if (other.buckets > 0) {
                latencies.merge(other.latencies);
                only = other.only;
                buckets += other.buckets;
            }
        }

        /** One bucket keeps its exact percentiles; several merge their histograms. */
        Point at(Instant at) {
            if (buckets == 0) {
                return new Point(at, null, null, 0, 0);
            }
            if (buckets == 1) {
                return new Point(at, only.p50Ms(), only.p95Ms(), errors, samples);
            }
            return new Point(at, latencies.percentile(50), latencies.percentile(95), errors, samples);
        }
    }

    static int sourceSizeFor(Duration step) {
        return step.toMinutes() % ONE_HOUR == 0 ? ONE_HOUR : FIVE_MINUTES;
    }

    /** The start of the {@code size} stretch (counted from the epoch, so whole hours and UTC days) holding {@code at}. */
    static Instant floor(Instant at, Duration size) {
        long seconds = size.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), seconds) * seconds);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
