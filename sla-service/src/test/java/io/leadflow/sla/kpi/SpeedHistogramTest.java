package io.leadflow.sla.kpi;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SpeedHistogramTest {

    @Test
    void bucketsGrowByAQuarterFromATenthOfASecond() {
        assertThat(SpeedHistogram.bucketOf(-3)).isZero();
        assertThat(SpeedHistogram.bucketOf(0.1)).isZero();
        assertThat(SpeedHistogram.bucketOf(0.11)).isEqualTo(1);
        assertThat(SpeedHistogram.bucketOf(0.125)).isEqualTo(1);
        assertThat(SpeedHistogram.bucketOf(0.126)).isEqualTo(2);
        assertThat(SpeedHistogram.bucketOf(1e12)).isEqualTo(SpeedHistogram.BUCKETS - 1);
        double[] bounds = SpeedHistogram.bounds();
        for (int i = 0; i < bounds.length; i++) {
            assertThat(SpeedHistogram.bucketOf(bounds[i])).as("bound %d", i).isEqualTo(i);
        }
    }

    @Test
    void percentilesFallWithinTheBucketOfTheTrueValue() {
        long[] counts = new long[SpeedHistogram.BUCKETS];
        // 1..1000 seconds, one each: p50 is 500 s, p90 900 s, p99 990 s.
        for (int s = 1; s <= 1000; s++) {
            counts[SpeedHistogram.bucketOf(s)]++;
        }
        assertThat(SpeedHistogram.percentile(counts, 0.5)).isCloseTo(500, within(500 * 0.25));
        assertThat(SpeedHistogram.percentile(counts, 0.9)).isCloseTo(900, within(900 * 0.25));
        assertThat(SpeedHistogram.percentile(counts, 0.99)).isCloseTo(990, within(990 * 0.25));
        assertThat(SpeedHistogram.percentile(new long[SpeedHistogram.BUCKETS], 0.5)).isNull();
    }

    @Test
    void aSingleValueIsReportedInsideItsBucket() {
        long[] counts = new long[SpeedHistogram.BUCKETS];
        counts[SpeedHistogram.bucketOf(300)] = 7;
        double[] bounds = SpeedHistogram.bounds();
        int bucket = SpeedHistogram.bucketOf(300);
        assertThat(SpeedHistogram.percentile(counts, 0.5)).isBetween(bounds[bucket - 1], bounds[bucket]);
    }
}
