package io.leadflow.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketsTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void allowsTheBurstThenAsksToWaitForTheRate() {
        TokenBuckets buckets = new TokenBuckets(2, 3, 100);
        long t = 0;
        assertThat(buckets.tryTake("1.2.3.4", t)).isZero();
        assertThat(buckets.tryTake("1.2.3.4", t)).isZero();
        assertThat(buckets.tryTake("1.2.3.4", t)).isZero();
        assertThat(buckets.tryTake("1.2.3.4", t)).isEqualTo(500);
        assertThat(buckets.tryTake("1.2.3.4", t + SECOND / 2)).isZero();
    }

    @Test
    void clientsHaveTheirOwnBuckets() {
        TokenBuckets buckets = new TokenBuckets(1, 1, 100);
        assertThat(buckets.tryTake("a", 0)).isZero();
        assertThat(buckets.tryTake("a", 0)).isPositive();
        assertThat(buckets.tryTake("b", 0)).isZero();
    }

    @Test
    void aBucketNeverHoldsMoreThanTheBurst() {
        TokenBuckets buckets = new TokenBuckets(100, 2, 100);
        buckets.tryTake("a", 0);
        long later = 3600 * SECOND;
        assertThat(buckets.tryTake("a", later)).isZero();
        assertThat(buckets.tryTake("a", later)).isZero();
        assertThat(buckets.tryTake("a", later)).isPositive();
    }
}
