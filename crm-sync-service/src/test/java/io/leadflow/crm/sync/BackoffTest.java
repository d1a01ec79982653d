package io.leadflow.crm.sync;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(15));

    @Test
    void doublesPerAttemptUpToTheCap() {
        assertThat(backoff.after(1, null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.after(2, null)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.after(5, null)).isEqualTo(Duration.ofSeconds(16));
        assertThat(backoff.after(11, null)).isEqualTo(Duration.ofMinutes(15));
        assertThat(backoff.after(200, null)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aLongerRetryAfterWinsAShorterOneDoesNot() {
        assertThat(backoff.after(1, Duration.ofSeconds(7))).isEqualTo(Duration.ofSeconds(7));
        assertThat(backoff.after(5, Duration.ofSeconds(7))).isEqualTo(Duration.ofSeconds(16));
    }
}
