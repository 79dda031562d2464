package com.partnerworkspace.credentials.internal;

import java.time.Instant;

/**
 * One connection's calls in {@code [start, start + sizeMinutes)}: how many, how many failed, the exact p50
 * and p95 of their latencies and the {@link LatencyHistogram} to merge this bucket with others.
 */
record LatencyBucket(
        String connectionId,
        int sizeMinutes,
        Instant start,
        int samples,
        int errors,
        int p50Ms,
        int p95Ms,
        String histogram) {

    LatencyHistogram latencies() {
        return LatencyHistogram.decode(histogram);
    }
}
