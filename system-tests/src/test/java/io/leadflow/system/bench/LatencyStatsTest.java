package io.leadflow.system.bench;

import org.junit.jupiter.api.Test;

import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class LatencyStatsTest {

    @Test
    void nearestRankPercentilesOfOneToAHundredMilliseconds() {
        long[] samples = LongStream.rangeClosed(1, 100).map(ms -> ms * 1_000_000).toArray();
        LatencyStats stats = LatencyStats.of(samples);
        assertThat(stats.count()).isEqualTo(100);
        assertThat(stats.p50Millis()).isEqualTo(50.0);
        assertThat(stats.p95Millis()).isEqualTo(95.0);
        assertThat(stats.p99Millis()).isEqualTo(99.0);
        assertThat(stats.maxMillis()).isEqualTo(100.0);
    }

    @Test
    void theOrderOfSamplesDoesNotMatter() {
        assertThat(LatencyStats.of(new long[]{3_000_000, 1_000_000, 2_000_000}).p50Millis()).isEqualTo(2.0);
    }

    @Test
    void noSamplesGiveNoFigures() {
        assertThat(LatencyStats.of(new long[0]).count()).isZero();
        assertThat(LatencyStats.of(new long[0]).p50Millis()).isNaN();
    }
}
