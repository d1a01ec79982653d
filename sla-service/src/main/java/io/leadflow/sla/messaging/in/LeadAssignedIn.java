package io.leadflow.sla.messaging.in;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.leadflow.sla.policy.LeadFacts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The SLA service's trimmed copy of LeadAssigned: who must act, since when the lead waits, and what the policies
 * match on (the lead's source, campaign and country, enrichment's company and geography, scoring's grade and
 * temperature).
 */
public record LeadAssignedIn(UUID assignmentId, String sdrId, String poolId, Instant assignedAt, Lead lead,
                             JsonNode enrichment, JsonNode score, JsonNode conversion, JsonNode routing) {

    public LeadAssignedIn {
        Objects.requireNonNull(assignmentId, "assignmentId");
        Objects.requireNonNull(sdrId, "sdrId");
        Objects.requireNonNull(lead, "lead");
        enrichment = enrichment == null ? MissingNode.getInstance() : enrichment;
        score = score == null ? MissingNode.getInstance() : score;
        conversion = conversion == null ? MissingNode.getInstance() : conversion;
        routing = routing == null ? MissingNode.getInstance() : routing;
    }

    /** The routing experiment and variant the lead was routed by ({@code experiment:variant}), or null for none. */
    public String variant() {
        String experiment = routing.path("experimentId").asText(null);
        return experiment == null || experiment.isBlank() ? null : experiment + ":" + routing.path("variant").asText("?");
    }

    /** The scoring model that scored the lead at routing time: the learned model's version, else the rule set's. */
    public String model() {
        if (conversion.path("modelVersion").isNumber()) {
            return "model-" + conversion.path("modelVersion").asInt();
        }
        String rules = score.path("ruleSetVersion").asText(null);
        return rules == null ? null : "rules-" + rules;
    }

    public record Lead(Instant capturedAt, String source, String campaign, String country) {
        public Lead {
            Objects.requireNonNull(capturedAt, "lead.capturedAt");
        }
    }

    public LeadFacts facts() {
        return LeadFacts.of(lead.source(), lead.campaign(), lead.country(), enrichment, score, poolId);
    }
}
