package io.leadflow.routing.messaging.in;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The SDR inbox feed's copy of LeadAssigned: whom to notify, and the context to show. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LeadAssignedIn(UUID assignmentId, String sdrId, String poolId, Instant assignedAt, JsonNode lead, JsonNode score) {

    public LeadAssignedIn {
        Objects.requireNonNull(assignmentId, "assignmentId");
        Objects.requireNonNull(sdrId, "sdrId");
        Objects.requireNonNull(assignedAt, "assignedAt");
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(score, "score");
    }
}
