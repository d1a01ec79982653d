package io.leadflow.sla.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One response promise: which leads it covers, how soon the first touch is due, the follow-up cadence, how many
 * attempts before the lead goes to nurture, when to warn and when to escalate.
 *
 * @param id                    the policy's id, stable across versions (clocks and KPIs refer to it)
 * @param match                 which leads it applies to
 * @param firstTouch            the first-touch deadline, counted from capture (in working time when paused)
 * @param calendar              the business calendar, or {@code null} for round the clock
 * @param pauseOutsideHours     whether the clocks stop outside the calendar's hours
 * @param atRisk                the share of the allowed time after which the SDR is warned (0.8 = at 80 %), or
 *                              {@code null} for no warning
 * @param acceptCountsAsTouch   whether the SDR's acceptance stops the first-touch clock (else only a logged touch does)
 * @param followUps             attempt n+1 is due this long after attempt n; the last entry repeats
 * @param maxAttempts           touches without contact before the lead goes to nurture (the first touch counts)
 * @param escalateAfterBreaches the breach at which the lead goes to the pool's manager (0 = never)
 */
public record SlaPolicy(String id, PolicyMatch match, Duration firstTouch, BusinessCalendar calendar,
                        boolean pauseOutsideHours, Double atRisk, boolean acceptCountsAsTouch, List<Duration> followUps,
                        int maxAttempts, int escalateAfterBreaches) {

    public SlaPolicy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(firstTouch, "firstTouch");
        followUps = List.copyOf(followUps);
        if (pauseOutsideHours && calendar == null) {
            throw new IllegalArgumentException("a policy that pauses outside business hours needs a calendar");
        }
    }

    /** When {@code allowed} has run out for a clock started at {@code start}: in working time when paused. */
    public Instant deadline(Instant start, Duration allowed) {
        return pauseOutsideHours ? calendar.plusWorkingTime(start, allowed) : start.plus(allowed);
    }

    /** When the at-risk warning of a clock started at {@code start} with {@code allowed} is due; null for none. */
    public Instant atRiskAt(Instant start, Duration allowed) {
        if (atRisk == null) {
            return null;
        }
        return deadline(start, Duration.ofNanos((long) (allowed.toNanos() * atRisk)));
    }

    /** The time allowed for attempt {@code attempt} (2 = the first follow-up) after the previous attempt. */
    public Duration followUpAfter(int attempt) {
        if (attempt < 2) {
            throw new IllegalArgumentException("attempt 1 is the first touch; follow-ups start at 2, got " + attempt);
        }
        return followUps.get(Math.min(attempt - 2, followUps.size() - 1));
    }

    /** Whether the n-th breach of a lead sends it to the pool's manager. */
    public boolean escalates(int breachNumber) {
        return escalateAfterBreaches > 0 && breachNumber >= escalateAfterBreaches;
    }
}
