package io.leadflow.sla.messaging.out;

import io.leadflow.sla.domain.SlaClock;

import java.time.Instant;
import java.util.UUID;

/** The body of SlaAtRisk on leads.sla.v1: the holder's deadline is near (contract: SlaAtRisk.schema.json). */
public record SlaAtRisk(UUID clockId, String kind, int attempt, String policyId, String sdrId, UUID assignmentId,
                        String poolId, Instant startedAt, Instant atRiskAt, Instant dueAt) {

    public static final String TYPE = "SlaAtRisk";

    public static SlaAtRisk of(SlaClock clock) {
        return new SlaAtRisk(clock.id, clock.kind, clock.attempt, clock.policyId, clock.sdrId, clock.assignmentId,
                clock.poolId, clock.startedAt, clock.atRiskAt, clock.dueAt);
    }
}
