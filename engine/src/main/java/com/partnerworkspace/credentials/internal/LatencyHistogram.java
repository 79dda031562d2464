package com.partnerworkspace.credentials.internal;

import java.util.Arrays;
import java.util.List;

/**
 * Latencies counted in logarithmic bins, each 10 % wider than the one before (bin {@code i} holds up to
 * {@code 1.1^i} ms), so a percentile read from merged buckets is at most 10 % above the exact one
 * whatever the range. Buckets keep it as text ({@link #encode}: {@code bin:count} pairs, only the bins
 * that hold something), which stays short because one connection's calls fall into a few bins.
 */
final class LatencyHistogram {

    private static final double GROWTH = 1.1;
    /** Bin 120 ends at about 93 s, beyond any call's timeout; longer calls count there too. */
    static final int BINS = 121;

    private final long[] counts;

    private LatencyHistogram(long[] counts) {
        this.counts = counts;
    }

    static LatencyHistogram empty() {
        return new LatencyHistogram(new long[BINS]);
    }

    static LatencyHistogram of(List<Integer> latenciesMs) {
        LatencyHistogram histogram = empty();
        latenciesMs.forEach(histogram::add);
        return histogram;
    }

    void add(int latencyMs) {
        counts[binOf(latencyMs)]++;
    }

    LatencyHistogram merge(LatencyHistogram other) {
        for (int bin = 0; bin < BINS; bin++) {
            counts[bin] += other.counts[bin];
        }
        return this;
    }

    long total() {
        return Arrays.stream(counts).sum();
    }

    /** The upper end of the bin holding the nearest-rank percentile; null when nothing was counted. */
    Integer percentile(int percent) {
        long total = total();
        if (total == 0) {
            return null;
        }
        long rank = rank(percent, total);
        long seen = 0;
        for (int bin = 0; bin < BINS; bin++) {
            seen += counts[bin];
            if (seen >= rank) {
                return upperEnd(bin);
            }
        }
        return upperEnd(BINS - 1);
    }

    /** The nearest-rank position (1-based) of a percentile among {@code total} values. */
    static long rank(int percent, long total) {
        return Math.max(1, (long) Math.ceil(percent / 100.0 * total));
    }

    String encode() {
        StringBuilder text = new StringBuilder();
        for (int bin = 0; bin < BINS; bin++) {
            if (counts[bin] > 0) {
                text.append(text.isEmpty() ? "" : ";").append(bin).append(':').append(counts[bin]);
            }
        }
        return text.toString();
    }

    static LatencyHistogram decode(String text) {
        LatencyHistogram histogram = empty();
        histogram.addEncoded(text);
        return histogram;
    }

    /** Adds the counts of an {@link #encode}d histogram (read by hand: charts merge thousands per request). */
    LatencyHistogram addEncoded(String text) {
        if (text == null || text.isEmpty()) {
            return this;
        }
        int bin = 0;
        long number = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ':') {
                bin = (int) number;
                number = 0;
            } else if (c == ';') {
                counts[bin] += number;
                number = 0;
            } else {
                number = number * 10 + (c - '0');
            }
        }
        counts[bin] += number;
        return this;
    }

    static int binOf(int latencyMs) {
        if (latencyMs <= 1) {
            return 0;
        }
        // A small epsilon keeps exact powers (and the integers rounding onto them) in their own bin.
        int bin = (int) Math.ceil(Math.log(latencyMs) / Math.log(GROWTH) - 1e-9);
        return Math.min(bin, BINS - 1);
    }

    static int upperEnd(int bin) {
        return (int) Math.round(Math.pow(GROWTH, bin));
    }
}
