package io.leadflow.sla.domain;

import io.leadflow.sla.policy.SlaPolicy;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One SLA clock: the time one SDR has for one expected action on a lead (the first touch, or follow-up attempt n).
 * State changes go through the methods below, which hold the rules; at most one clock of a lead runs at a time.
 */
@Entity
@Table(name = "sla_clock")
public class SlaClock {

    public static final String FIRST_TOUCH = "first-touch";
    public static final String FOLLOW_UP = "follow-up";

    @Id
    public UUID id;
    @Column(name = "lead_id")
    public UUID leadId;
    @Column(name = "assignment_id")
    public UUID assignmentId;
    @Column(name = "sdr_id")
    public String sdrId;
    @Column(name = "pool_id")
    public String poolId;
    public String kind;
    public int attempt;
    @Column(name = "policy_id")
    public String policyId;
    @Enumerated(EnumType.STRING)
    public ClockState state;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "due_at")
    public Instant dueAt;
    @Column(name = "at_risk_at")
    public Instant atRiskAt;
    @Column(name = "at_risk_sent_at")
    public Instant atRiskSentAt;
    @Column(name = "stopped_at")
    public Instant stoppedAt;
    @Column(name = "breached_at")
    public Instant breachedAt;
    @Column(name = "breach_number")
    public Integer breachNumber;
    @Column(name = "stop_reason")
    public String stopReason;

    /**
     * A running clock for the lead's holder: the first touch (attempt 1) or follow-up attempt n, started at
     * {@code start} with {@code allowed} under the policy (in working time when the policy pauses).
     */
    public static SlaClock start(SlaLead lead, int attempt, Instant start, SlaPolicy policy) {
        Duration allowed = attempt == 1 ? policy.firstTouch() : policy.followUpAfter(attempt);
        SlaClock clock = new SlaClock();
        clock.id = UUID.randomUUID();
        clock.leadId = lead.leadId;
        clock.assignmentId = lead.assignmentId;
        clock.sdrId = lead.sdrId;
        clock.poolId = lead.poolId;
        clock.kind = attempt == 1 ? FIRST_TOUCH : FOLLOW_UP;
        clock.attempt = attempt;
        clock.policyId = policy.id();
        clock.state = ClockState.RUNNING;
        clock.startedAt = start;
        clock.dueAt = policy.deadline(start, allowed);
        clock.atRiskAt = policy.atRiskAt(start, allowed);
        return clock;
    }

    /**
     * Marks a running clock breached, the n-th breach of its lead. The breach is recorded when it is detected,
     * never before the deadline (the application's clock may trail the database's by a few milliseconds).
     */
    public void breach(Instant now, int number) {
        if (state != ClockState.RUNNING) {
            throw new IllegalStateException("clock " + id + " is " + state + ", only a running clock can breach");
        }
        state = ClockState.BREACHED;
        breachedAt = now.isBefore(dueAt) ? dueAt : now;
        breachNumber = number;
    }

    /**
     * The expected action happened at {@code at} (a touch, or an acceptance where the policy counts it). A running
     * clock stops: MET in time, BREACHED when after the deadline (the scan had not got to it yet). A clock that
     * already breached keeps its state and records when the late action came.
     *
     * @return true when this action breached the clock (the caller numbers and announces the breach)
     */
    public boolean stop(Instant at, String reason) {
        return switch (state) {
            case RUNNING -> {
                stoppedAt = at;
                stopReason = reason;
                if (at.isAfter(dueAt)) {
                    yield true;
                }
                state = ClockState.MET;
                yield false;
            }
            case BREACHED -> {
                if (stoppedAt == null) {
                    stoppedAt = at;
                    stopReason = reason;
                }
                yield false;
            }
            case MET, CANCELLED -> false;
        };
    }

    /** Calls a running clock off: the lead moved to another SDR or was closed. Other states stay. */
    public void cancel(Instant at, String reason) {
        if (state == ClockState.RUNNING) {
            state = ClockState.CANCELLED;
            stoppedAt = at;
            stopReason = reason;
        }
    }

    /** Records that the at-risk warning went out. */
    public void warned(Instant now) {
        atRiskSentAt = now;
    }

    /** Minutes past the deadline, up to the late action when there was one, else up to now; one decimal, never negative. */
    public static double minutesLate(Instant dueAt, Instant touchedAt, Instant now) {
        Instant until = touchedAt != null ? touchedAt : now;
        long millis = Math.max(0, Duration.between(dueAt, until).toMillis());
        return Math.round(millis / 6_000.0) / 10.0;
    }
}
