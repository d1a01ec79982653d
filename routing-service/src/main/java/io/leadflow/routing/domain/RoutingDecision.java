package io.leadflow.routing.domain;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

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
    /** Nobody in the pool could take it: it waits in the pool's hold queue. */
    public static final String HELD = "held";
    /** Neither the pool the rules named nor the catch-all pool exists: nobody can be given the lead. */
    public static final String UNROUTABLE = "unroutable";

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
    /** The rule set, rule, variant, bucket and route; null for decisions taken before the rules (threshold, opt-out). */
    @Embedded
    public RuleTrail trail;
    /** The field values that made the rule match. */
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode evidence;
    /** Every SDR looked at, in order: {@code {sdrId, poolId, role, skipped, chosen}}. */
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode candidates;
    /** What happened on the way, in order (owner unavailable, pool missing, held, moved to the fallback pool...). */
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode steps;
    @Column(name = "held_since")
    public Instant heldSince;

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
