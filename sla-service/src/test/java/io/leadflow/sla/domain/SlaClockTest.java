package io.leadflow.sla.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlaClockTest {

    private static final Instant CAPTURED = Instant.parse("2026-11-22T09:15:00Z");
    private static final Instant DUE = Instant.parse("2026-11-22T09:20:00Z");

    private static SlaClock running() {
        return SlaClock.firstTouch(UUID.randomUUID(), UUID.randomUUID(), "sdr-1", CAPTURED,
                new FirstTouchPolicy(Duration.ofMinutes(5)));
    }

    @Test
    void aNewClockRunsFromCaptureToTheDeadline() {
        SlaClock clock = running();
        assertThat(clock.state).isEqualTo(ClockState.RUNNING);
        assertThat(clock.kind).isEqualTo("first-touch");
        assertThat(clock.startedAt).isEqualTo(CAPTURED);
        assertThat(clock.dueAt).isEqualTo(DUE);
    }

    @Test
    void anAcceptanceInTimeMeetsTheSla() {
        SlaClock clock = running();
        assertThat(clock.accept(DUE.minusSeconds(1), DUE.plusSeconds(30))).isFalse();
        assertThat(clock.state).isEqualTo(ClockState.MET);
        assertThat(clock.stoppedAt).isEqualTo(DUE.minusSeconds(1));
        assertThat(clock.breachedAt).isNull();
    }

    @Test
    void anAcceptanceAtTheDeadlineStillMeetsIt() {
        SlaClock clock = running();
        assertThat(clock.accept(DUE, DUE)).isFalse();
        assertThat(clock.state).isEqualTo(ClockState.MET);
    }

    @Test
    void aLateAcceptanceOfARunningClockIsABreach() {
        SlaClock clock = running();
        assertThat(clock.accept(DUE.plusSeconds(90), DUE.plusSeconds(95))).isTrue();
        assertThat(clock.state).isEqualTo(ClockState.BREACHED);
        assertThat(clock.stoppedAt).isEqualTo(DUE.plusSeconds(90));
        assertThat(clock.breachedAt).isEqualTo(DUE.plusSeconds(95));
    }

    @Test
    void anAcceptanceAfterTheBreachRecordsTheLateTouchOnly() {
        SlaClock clock = running();
        clock.breach(DUE.plusMillis(200));
        assertThat(clock.accept(DUE.plusSeconds(60), DUE.plusSeconds(61))).isFalse();
        assertThat(clock.state).isEqualTo(ClockState.BREACHED);
        assertThat(clock.breachedAt).isEqualTo(DUE.plusMillis(200));
        assertThat(clock.stoppedAt).isEqualTo(DUE.plusSeconds(60));

        assertThat(clock.accept(DUE.plusSeconds(120), DUE.plusSeconds(121))).isFalse();
        assertThat(clock.stoppedAt).as("the first touch counts").isEqualTo(DUE.plusSeconds(60));
    }

    @Test
    void aRepeatedAcceptanceChangesNothing() {
        SlaClock clock = running();
        clock.accept(DUE.minusSeconds(10), DUE.minusSeconds(10));
        assertThat(clock.accept(DUE.plusSeconds(10), DUE.plusSeconds(10))).isFalse();
        assertThat(clock.state).isEqualTo(ClockState.MET);
        assertThat(clock.stoppedAt).isEqualTo(DUE.minusSeconds(10));
    }

    @Test
    void aBreachIsNeverRecordedBeforeTheDeadline() {
        SlaClock clock = running();
        clock.breach(DUE.minusMillis(3));
        assertThat(clock.breachedAt).isEqualTo(DUE);
    }

    @Test
    void onlyARunningClockCanBreach() {
        SlaClock clock = running();
        clock.accept(DUE.minusSeconds(1), DUE.minusSeconds(1));
        assertThatThrownBy(() -> clock.breach(DUE.plusSeconds(1))).isInstanceOf(IllegalStateException.class);
    }
}
