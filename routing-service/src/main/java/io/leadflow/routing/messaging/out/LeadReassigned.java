package io.leadflow.routing.messaging.out;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.routing.domain.Assignment;

import java.time.Instant;
import java.util.UUID;

/** The body of LeadReassigned on leads.routing.v1: an open lead changed hands, with the context its new owner needs. */
public record LeadReassigned(UUID assignmentId, String fromSdrId, String sdrId, String poolId, String reason, String note,
                             String reassignedBy, Instant reassignedAt, JsonNode lead, JsonNode score) {

    public static final String TYPE = "LeadReassigned";

    public static LeadReassigned of(Assignment assignment, String fromSdrId, String reason, String note, String by,
                                    Instant at) {
        return new LeadReassigned(assignment.id, fromSdrId, assignment.sdrId, assignment.poolId, reason, note, by, at,
                assignment.lead, assignment.score);
    }
}
