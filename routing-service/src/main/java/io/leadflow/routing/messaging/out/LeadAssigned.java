package io.leadflow.routing.messaging.out;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.routing.domain.Assignment;

import java.time.Instant;
import java.util.UUID;

/** The body of LeadAssigned on leads.routing.v1 (contract: contracts/.../LeadAssigned.schema.json). */
public record LeadAssigned(UUID assignmentId, String sdrId, String sdrName, String poolId, Instant assignedAt,
                           JsonNode lead, @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode enrichment,
                           JsonNode score) {

    public static final String TYPE = "LeadAssigned";

    public static LeadAssigned of(Assignment assignment, String sdrName) {
        return new LeadAssigned(assignment.id, assignment.sdrId, sdrName, assignment.poolId, assignment.assignedAt,
                assignment.lead, assignment.enrichment, assignment.score);
    }
}
