package io.leadflow.sla.kpi;

/**
 * The buckets speed-to-lead durations are counted in: bucket 0 holds up to 0.1 s, bucket i up to 0.1 s x 1.25^i,
 * the last one (79, about 51 days) everything longer. Percentiles read from bucket counts are estimates within one
 * bucket (at most 25 % apart, interpolated geometrically), which is what lets the KPIs answer from monthly rollups
 * instead of scanning every lead. Pure; the same formula is in the rebuild SQL ({@link KpiReadModel}).
 */
public final class SpeedHistogram {

    public static final int BUCKETS = 80;
    static final double FIRST = 0.1;
    static final double GROWTH = 1.25;
    private static final double[] BOUNDS = new double[BUCKETS];

    static {
        for (int i = 0; i < BUCKETS; i++) {
            BOUNDS[i] = FIRST * Math.pow(GROWTH, i);
        }
    }

    private SpeedHistogram() {
    }

    /** The bucket of a duration in seconds (negative durations, a clock skew, count as zero). */
    public static int bucketOf(double seconds) {
        if (seconds <= FIRST) {
            return 0;
        }
        int bucket = (int) Math.ceil(Math.log(seconds / FIRST) / Math.log(GROWTH) - 1e-9);
        return Math.min(BUCKETS - 1, Math.max(0, bucket));
    }

    /** The upper bound of every bucket in seconds (the last one is open-ended; its bound is where it starts to lie). */
    public static double[] bounds() {
        return BOUNDS.clone();
    }

    /**
     * The q-quantile (0 < q <= 1) of the counted durations in seconds, or null when nothing was counted: the bucket
     * where the cumulative count reaches q x n, interpolated geometrically between its bounds.
     */
    public static Double percentile(long[] counts, double q) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        if (total == 0) {
            return null;
        }
        double rank = q * total;
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                continue;
            }
            if (seen + counts[i] >= rank) {
                double lower = i == 0 ? FIRST / GROWTH : BOUNDS[i - 1];
                double upper = BOUNDS[i];
                double within = (rank - seen) / counts[i];
                return Math.round(lower * Math.pow(upper / lower, within) * 1000) / 1000.0;
            }
            seen += counts[i];
        }
        return BOUNDS[counts.length - 1];
    }
}
