package com.partnerworkspace.credentials.internal;

import java.time.Instant;

/**
 * The calls of one connection, or of all of a partner's connections, in {@code [start, start + sizeMinutes)}:
 * how many, how many failed, the exact p50 and p95 of their latencies and the {@link LatencyHistogram} to
 * merge this bucket with others.
 *
 * @param source the connection id (a connection's bucket) or the partner (a partner's bucket)
 */
record LatencyBucket(
        String source,
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
