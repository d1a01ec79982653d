package io.leadflow.sla.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FirstTouchPolicyTest {

    @ParameterizedTest(name = "captured {0} + {1} is due {2}")
    @CsvSource({
            "2026-11-22T09:15:02.113Z, PT5M,  2026-11-22T09:20:02.113Z",
            "2026-11-22T23:58:00Z,     PT5M,  2026-11-23T00:03:00Z",
            "2026-11-22T09:15:02.113456Z, PT2S, 2026-11-22T09:15:04.113456Z",
            "2026-11-22T09:00:00Z,     PT1H,  2026-11-22T10:00:00Z",
    })
    void theDeadlineRunsFromCaptureTime(String capturedAt, String allowed, String dueAt) {
        assertThat(new FirstTouchPolicy(Duration.parse(allowed)).dueAt(Instant.parse(capturedAt)))
                .isEqualTo(Instant.parse(dueAt));
    }

    @Test
    void aPolicyWithoutTimeToActIsRefused() {
        assertThatThrownBy(() -> new FirstTouchPolicy(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FirstTouchPolicy(Duration.ofMinutes(-5))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "due {0}, touched {1}, now {2}: {3} min late")
    @CsvSource({
            "2026-11-22T09:20:00Z, ,                     2026-11-22T09:32:30Z, 12.5",
            "2026-11-22T09:20:00Z, 2026-11-22T09:23:00Z, 2026-11-22T10:00:00Z, 3.0",
            "2026-11-22T09:20:00Z, ,                     2026-11-22T09:19:59Z, 0.0",
            "2026-11-22T09:20:00Z, ,                     2026-11-22T09:20:00.300Z, 0.0",
    })
    void minutesLateRunToTheLateTouchOrToNow(String dueAt, String touchedAt, String now, double minutes) {
        assertThat(FirstTouchPolicy.minutesLate(Instant.parse(dueAt), touchedAt == null ? null : Instant.parse(touchedAt),
                Instant.parse(now))).isEqualTo(minutes);
    }
}
