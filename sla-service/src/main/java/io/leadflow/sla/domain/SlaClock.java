package io.leadflow.sla.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One SLA clock of one lead. State changes go through the methods below, which hold the rules. */
@Entity
@Table(name = "sla_clock")
public class SlaClock {

    @Id
    public UUID id;
    @Column(name = "lead_id")
    public UUID leadId;
    @Column(name = "assignment_id")
    public UUID assignmentId;
    @Column(name = "sdr_id")
    public String sdrId;
    public String kind;
    @Enumerated(EnumType.STRING)
    public ClockState state;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "due_at")
    public Instant dueAt;
    @Column(name = "stopped_at")
    public Instant stoppedAt;
    @Column(name = "breached_at")
    public Instant breachedAt;

    /** A running first-touch clock for an assigned lead, started at the lead's capture. */
    public static SlaClock firstTouch(UUID leadId, UUID assignmentId, String sdrId, Instant capturedAt, FirstTouchPolicy policy) {
        SlaClock clock = new SlaClock();
        clock.id = UUID.randomUUID();
        clock.leadId = leadId;
        clock.assignmentId = assignmentId;
        clock.sdrId = sdrId;
        clock.kind = FirstTouchPolicy.KIND;
        clock.state = ClockState.RUNNING;
        clock.startedAt = capturedAt;
        clock.dueAt = policy.dueAt(capturedAt);
        return clock;
    }

    /**
     * Marks a running clock breached. The breach is recorded when it is detected, never before the
     * deadline (the application's clock may trail the database's by a few milliseconds).
     */
    public void breach(Instant now) {
        if (state != ClockState.RUNNING) {
            throw new IllegalStateException("clock " + id + " is " + state + ", only a running clock can breach");
        }
        state = ClockState.BREACHED;
        breachedAt = now.isBefore(dueAt) ? dueAt : now;
    }

    /**
     * The SDR accepted the lead at {@code acceptedAt}. A running clock stops: MET when the acceptance
     * was in time, BREACHED when it came after the deadline (the breach scan had not got to it yet).
     * A clock that already breached keeps its state and records when the late first touch happened.
     *
     * @return true when this acceptance breached the clock (the caller announces the breach)
     */
    public boolean accept(Instant acceptedAt, Instant now) {
        return switch (state) {
            case RUNNING -> {
                stoppedAt = acceptedAt;
                if (acceptedAt.isAfter(dueAt)) {
                    breach(now);
                    yield true;
                }
                state = ClockState.MET;
                yield false;
            }
            case BREACHED -> {
                if (stoppedAt == null) {
                    stoppedAt = acceptedAt;
                }
                yield false;
            }
            case MET -> false;
        };
    }
}
