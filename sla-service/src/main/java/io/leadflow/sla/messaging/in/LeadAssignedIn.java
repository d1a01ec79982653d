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
                             JsonNode enrichment, JsonNode score) {

    public LeadAssignedIn {
        Objects.requireNonNull(assignmentId, "assignmentId");
        Objects.requireNonNull(sdrId, "sdrId");
        Objects.requireNonNull(lead, "lead");
        enrichment = enrichment == null ? MissingNode.getInstance() : enrichment;
        score = score == null ? MissingNode.getInstance() : score;
    }

    public record Lead(Instant capturedAt, String source, String campaign, String country) {
        public Lead {
            Objects.requireNonNull(capturedAt, "lead.capturedAt");
        }
    }

    public LeadFacts facts() {
        return LeadFacts.of(lead.source(), lead.campaign(), lead.country(), enrichment, score);
    }
}
