package io.leadflow.sla.domain;

import io.leadflow.sla.policy.PolicyMatch;
import io.leadflow.sla.policy.SlaPolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlaClockTest {

    private static final Instant CAPTURED = Instant.parse("2026-11-22T09:15:00Z");
    private static final Instant DUE = Instant.parse("2026-11-22T09:20:00Z");

    private static final SlaPolicy FIVE_MINUTES = new SlaPolicy("hot", PolicyMatch.ANY, Duration.ofMinutes(5), null,
            false, 0.8, false, List.of(Duration.ofHours(1), Duration.ofDays(1)), 3, 2);

    private static SlaLead lead() {
        SlaLead lead = new SlaLead();
        lead.leadId = UUID.randomUUID();
        lead.assignmentId = UUID.randomUUID();
        lead.sdrId = "sdr-1";
        lead.poolId = "default";
        lead.capturedAt = CAPTURED;
        return lead;
    }

    private static SlaClock running() {
        return SlaClock.start(lead(), 1, CAPTURED, FIVE_MINUTES);
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
    void aTouchInTimeMeetsTheSla() {
        SlaClock clock = running();
        assertThat(clock.stop(DUE.minusSeconds(1), "touched")).isFalse();
        assertThat(clock.state).isEqualTo(ClockState.MET);
        assertThat(clock.stoppedAt).isEqualTo(DUE.minusSeconds(1));
        assertThat(clock.stopReason).isEqualTo("touched");
        assertThat(clock.breachedAt).isNull();
    }

    @Test
    void aTouchAtTheDeadlineStillMeetsIt() {
        SlaClock clock = running();
        assertThat(clock.stop(DUE, "touched")).isFalse();
        assertThat(clock.state).isEqualTo(ClockState.MET);
    }

    @Test
    void aLateTouchOfARunningClockAsksForTheBreach() {
        SlaClock clock = running();
        assertThat(clock.stop(DUE.plusSeconds(90), "touched")).isTrue();
        clock.breach(DUE.plusSeconds(95), 1);
        assertThat(clock.state).isEqualTo(ClockState.BREACHED);
        assertThat(clock.stoppedAt).isEqualTo(DUE.plusSeconds(90));
        assertThat(clock.breachedAt).isEqualTo(DUE.plusSeconds(95));
        assertThat(clock.breachNumber).isEqualTo(1);
    }

    @Test
    void aTouchAfterTheBreachRecordsTheLateTouchOnly() {
        SlaClock clock = running();
        clock.breach(DUE.plusMillis(200), 2);
        assertThat(clock.stop(DUE.plusSeconds(60), "touched")).isFalse();
        assertThat(clock.state).isEqualTo(ClockState.BREACHED);
        assertThat(clock.breachedAt).isEqualTo(DUE.plusMillis(200));
        assertThat(clock.stoppedAt).isEqualTo(DUE.plusSeconds(60));

        assertThat(clock.stop(DUE.plusSeconds(120), "touched")).isFalse();
        assertThat(clock.stoppedAt).as("the first touch counts").isEqualTo(DUE.plusSeconds(60));
    }

    @Test
    void aRepeatedStopChangesNothing() {
        SlaClock clock = running();
        clock.stop(DUE.minusSeconds(10), "touched");
        assertThat(clock.stop(DUE.plusSeconds(10), "touched")).isFalse();
        assertThat(clock.state).isEqualTo(ClockState.MET);
        assertThat(clock.stoppedAt).isEqualTo(DUE.minusSeconds(10));
    }

    @Test
    void aBreachIsNeverRecordedBeforeTheDeadline() {
        SlaClock clock = running();
        clock.breach(DUE.minusMillis(3), 1);
        assertThat(clock.breachedAt).isEqualTo(DUE);
    }

    @Test
    void onlyARunningClockCanBreach() {
        SlaClock clock = running();
        clock.stop(DUE.minusSeconds(1), "touched");
        assertThatThrownBy(() -> clock.breach(DUE.plusSeconds(1), 1)).isInstanceOf(IllegalStateException.class);
        SlaClock cancelled = running();
        cancelled.cancel(DUE.minusSeconds(1), "reassigned");
        assertThat(cancelled.state).isEqualTo(ClockState.CANCELLED);
        assertThatThrownBy(() -> cancelled.breach(DUE.plusSeconds(1), 1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCancelLeavesAFinishedClockAlone() {
        SlaClock clock = running();
        clock.breach(DUE.plusSeconds(1), 1);
        clock.cancel(DUE.plusSeconds(5), "reassigned");
        assertThat(clock.state).isEqualTo(ClockState.BREACHED);
        assertThat(clock.stoppedAt).isNull();
    }

    @Test
    void aFollowUpIsDueAfterThePolicysCadenceAndWarnsAtItsShare() {
        SlaLead lead = lead();
        Instant touched = Instant.parse("2026-11-22T10:00:00Z");
        SlaClock second = SlaClock.start(lead, 2, touched, FIVE_MINUTES);
        assertThat(second.kind).isEqualTo(SlaClock.FOLLOW_UP);
        assertThat(second.dueAt).isEqualTo(touched.plus(Duration.ofHours(1)));
        assertThat(second.atRiskAt).isEqualTo(touched.plus(Duration.ofMinutes(48)));
        assertThat(SlaClock.start(lead, 3, touched, FIVE_MINUTES).dueAt).isEqualTo(touched.plus(Duration.ofDays(1)));
        assertThat(SlaClock.start(lead, 7, touched, FIVE_MINUTES).dueAt).as("the last step repeats")
                .isEqualTo(touched.plus(Duration.ofDays(1)));
    }

    @Test
    void aLeadCountsAttemptsUntilContact() {
        SlaLead lead = lead();
        assertThat(lead.nextAttempt()).isEqualTo(1);
        assertThat(lead.touched(DUE, "no_answer")).isTrue();
        assertThat(lead.nextAttempt()).isEqualTo(2);
        assertThat(lead.open()).isTrue();
        assertThat(lead.touched(DUE.plusSeconds(60), "left_voicemail")).isFalse();
        assertThat(lead.touched(DUE.plusSeconds(120), "connected")).isFalse();
        assertThat(lead.attempts).isEqualTo(3);
        assertThat(lead.firstTouchAt).isEqualTo(DUE);
        assertThat(lead.contactedAt).isEqualTo(DUE.plusSeconds(120));
        assertThat(lead.open()).isFalse();
    }

    @Test
    void minutesLateRunToTheLateTouchOrToNow() {
        assertThat(SlaClock.minutesLate(DUE, DUE.plusSeconds(90), DUE.plusSeconds(600))).isEqualTo(1.5);
        assertThat(SlaClock.minutesLate(DUE, null, DUE.plusSeconds(600))).isEqualTo(10.0);
        assertThat(SlaClock.minutesLate(DUE, DUE.minusSeconds(5), DUE)).isEqualTo(0.0);
    }
}
