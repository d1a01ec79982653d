package io.leadflow.routing.messaging.out;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.routing.domain.Assignment;
import io.leadflow.routing.domain.RuleTrail;

import java.time.Instant;
import java.util.UUID;

/** The body of LeadAssigned on leads.routing.v1 (contract: contracts/.../LeadAssigned.schema.json). */
public record LeadAssigned(UUID assignmentId, String sdrId, String sdrName, String poolId, Instant assignedAt,
                           JsonNode lead, @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode enrichment,
                           JsonNode score, @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode conversion,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Routing routing) {

    public static final String TYPE = "LeadAssigned";

    /** What the rules decided, for attribution of outcomes to rules and experiment variants. */
    public record Routing(String ruleSetVersion, String ruleId, String experimentId, String variant, Integer bucket,
                          String route, Instant heldSince) {
    }

    public static LeadAssigned of(Assignment assignment, String sdrName) {
        RuleTrail trail = assignment.trail;
        Routing routing = trail == null ? null : new Routing(trail.ruleSetVersion, trail.ruleId, trail.experimentId,
                trail.variant, trail.bucket, trail.route, assignment.heldSince);
        return new LeadAssigned(assignment.id, assignment.sdrId, sdrName, assignment.poolId, assignment.assignedAt,
                assignment.lead, assignment.enrichment, assignment.score, assignment.conversion, routing);
    }
}
