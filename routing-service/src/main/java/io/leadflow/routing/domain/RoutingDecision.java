package io.leadflow.routing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The routing audit: the latest decision taken for a lead, and how long it took. */
@Entity
@Table(name = "routing_decision")
public class RoutingDecision {

    public static final String ASSIGNED = "assigned";
    public static final String BELOW_THRESHOLD = "below-threshold";
    public static final String NO_AVAILABLE_SDR = "no-available-sdr";
    public static final String DO_NOT_CONTACT = "do-not-contact";

    @Id
    @Column(name = "lead_id")
    public UUID leadId;
    public String outcome;
    public int score;
    public int threshold;
    @Column(name = "pool_id")
    public String poolId;
    @Column(name = "sdr_id")
    public String sdrId;
    @Column(name = "assignment_id")
    public UUID assignmentId;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "decision_micros")
    public long decisionMicros;

    public static RoutingDecision of(UUID leadId, String outcome, int score, int threshold, String poolId,
                                     Instant decidedAt, long decisionMicros) {
        RoutingDecision decision = new RoutingDecision();
        decision.leadId = leadId;
        decision.outcome = outcome;
        decision.score = score;
        decision.threshold = threshold;
        decision.poolId = poolId;
        decision.decidedAt = decidedAt;
        decision.decisionMicros = decisionMicros;
        return decision;
    }

    public RoutingDecision assignedTo(Assignment assignment) {
        sdrId = assignment.sdrId;
        assignmentId = assignment.id;
        return this;
    }
}
