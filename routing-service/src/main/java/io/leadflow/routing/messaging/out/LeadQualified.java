package io.leadflow.routing.messaging.out;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.routing.domain.Assignment;
import io.leadflow.routing.domain.Qualification;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The body of LeadQualified on leads.routing.v1: a sales-qualified lead with the SDR's qualification (framework and
 * answers), carrying the lead and enrichment snapshots so that CRM sync never needs to call back. A BANT qualification
 * also carries its answers as {@code bant}, the shape consumers read before templates existed.
 */
public record LeadQualified(UUID assignmentId, String sdrId, Instant qualifiedAt, Answers qualification,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Qualification.Bant bant,
                            String notes, JsonNode lead,
                            @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode enrichment) {

    public static final String TYPE = "LeadQualified";

    /**
     * The template the lead was qualified with and the answers by field key (written in the template's order; the outbox
     * keeps JSON as jsonb, so readers must not rely on it).
     */
    public record Answers(String framework, Map<String, String> answers) {
    }

    public static LeadQualified of(Assignment assignment, Qualification qualification) {
        return new LeadQualified(assignment.id, assignment.sdrId, assignment.qualifiedAt,
                new Answers(qualification.framework(), qualification.answers()), qualification.bant(),
                qualification.notes(), assignment.lead, assignment.enrichment);
    }
}
