package io.leadflow.sla.messaging.in;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The SLA service's trimmed copy of LeadReassigned: the lead's new holder and since when. */
public record LeadReassignedIn(UUID assignmentId, String fromSdrId, String sdrId, String poolId, String reason,
                               Instant reassignedAt) {

    public LeadReassignedIn {
        Objects.requireNonNull(assignmentId, "assignmentId");
        Objects.requireNonNull(sdrId, "sdrId");
        Objects.requireNonNull(reassignedAt, "reassignedAt");
    }
}
