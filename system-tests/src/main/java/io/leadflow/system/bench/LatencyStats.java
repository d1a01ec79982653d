package io.leadflow.system.bench;

import java.util.Arrays;
import java.util.Locale;

/** Latency percentiles (nearest-rank) of a set of samples in nanoseconds. Pure logic. */
public record LatencyStats(int count, double p50Millis, double p95Millis, double p99Millis, double maxMillis) {

    public static LatencyStats of(long[] nanos) {
        if (nanos.length == 0) {
            return new LatencyStats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new LatencyStats(sorted.length, millis(rank(sorted, 0.50)), millis(rank(sorted, 0.95)),
                millis(rank(sorted, 0.99)), millis(sorted[sorted.length - 1]));
    }

    // Nearest-rank: the smallest sample with at least p of the samples at or below it.
    static long rank(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000d;
    }

    public String line() {
        return String.format(Locale.ROOT, "n=%d p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms",
                count, p50Millis, p95Millis, p99Millis, maxMillis);
    }
}
