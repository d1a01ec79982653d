package io.leadflow.sla.messaging.out;

import io.leadflow.sla.domain.SlaClock;

import java.time.Instant;
import java.util.UUID;

/**
 * The body of SlaBreached on leads.sla.v1 (contract: contracts/.../SlaBreached.schema.json). {@code action} tells
 * routing what the policy wants: {@code reassign} to the pool's next member, or {@code escalate} to its manager
 * (then an SlaEscalated follows in the same transaction).
 */
public record SlaBreached(UUID clockId, String kind, int attempt, String policyId, String sdrId, UUID assignmentId,
                          String poolId, Instant startedAt, Instant dueAt, Instant breachedAt, int breachNumber,
                          String action) {

    public static final String TYPE = "SlaBreached";
    public static final String REASSIGN = "reassign";
    public static final String ESCALATE = "escalate";

    public static SlaBreached of(SlaClock clock, boolean escalate) {
        return new SlaBreached(clock.id, clock.kind, clock.attempt, clock.policyId, clock.sdrId, clock.assignmentId,
                clock.poolId, clock.startedAt, clock.dueAt, clock.breachedAt, clock.breachNumber,
                escalate ? ESCALATE : REASSIGN);
    }
}
