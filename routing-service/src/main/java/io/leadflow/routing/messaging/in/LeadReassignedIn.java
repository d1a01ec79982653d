package io.leadflow.routing.messaging.in;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The SDR inbox feed's copy of LeadReassigned: whom to show the lead to now, and its context. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LeadReassignedIn(UUID assignmentId, String sdrId, Instant reassignedAt, JsonNode lead, JsonNode score) {

    public LeadReassignedIn {
        Objects.requireNonNull(assignmentId, "assignmentId");
        Objects.requireNonNull(sdrId, "sdrId");
        Objects.requireNonNull(reassignedAt, "reassignedAt");
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(score, "score");
    }
}
