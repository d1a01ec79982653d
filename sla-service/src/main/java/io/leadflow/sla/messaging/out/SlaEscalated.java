package io.leadflow.sla.messaging.out;

import io.leadflow.sla.domain.SlaClock;

import java.time.Instant;
import java.util.UUID;

/**
 * The body of SlaEscalated on leads.sla.v1: the lead breached as often as its policy allows and goes to its pool's
 * manager (contract: SlaEscalated.schema.json). Routing moves it on the SlaBreached before it (action escalate);
 * this event is the record RevOps and the KPIs count.
 */
public record SlaEscalated(UUID clockId, String policyId, String sdrId, UUID assignmentId, String poolId,
                           int breaches, Instant escalatedAt) {

    public static final String TYPE = "SlaEscalated";

    public static SlaEscalated of(SlaClock clock) {
        return new SlaEscalated(clock.id, clock.policyId, clock.sdrId, clock.assignmentId, clock.poolId,
                clock.breachNumber, clock.breachedAt);
    }
}
