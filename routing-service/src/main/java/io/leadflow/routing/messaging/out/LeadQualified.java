package io.leadflow.routing.messaging.out;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.routing.domain.Assignment;
import io.leadflow.routing.domain.Qualification;

import java.time.Instant;
import java.util.UUID;

/**
 * The body of LeadQualified on leads.routing.v1: a sales-qualified lead with the SDR's BANT answers,
 * carrying the lead and enrichment snapshots so that CRM sync never needs to call back.
 */
public record LeadQualified(UUID assignmentId, String sdrId, Instant qualifiedAt, Qualification.Bant bant,
                            String notes, JsonNode lead,
                            @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode enrichment) {

    public static final String TYPE = "LeadQualified";

    public static LeadQualified of(Assignment assignment, Qualification qualification) {
        return new LeadQualified(assignment.id, assignment.sdrId, assignment.qualifiedAt, qualification.bant(),
                qualification.notes(), assignment.lead, assignment.enrichment);
    }
}
