package io.leadflow.sla.messaging.in;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The SLA service's trimmed copy of LeadAssigned: who must act, and since when the lead waits. */
public record LeadAssignedIn(UUID assignmentId, String sdrId, Instant assignedAt, Lead lead) {

    public LeadAssignedIn {
        Objects.requireNonNull(assignmentId, "assignmentId");
        Objects.requireNonNull(sdrId, "sdrId");
        Objects.requireNonNull(lead, "lead");
    }

    public record Lead(Instant capturedAt) {
        public Lead {
            Objects.requireNonNull(capturedAt, "lead.capturedAt");
        }
    }
}
