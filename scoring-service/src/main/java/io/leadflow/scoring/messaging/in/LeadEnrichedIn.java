package io.leadflow.scoring.messaging.in;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;

/**
 * Scoring's copy of LeadEnriched. The lead and enrichment snapshots are kept as JSON so that they
 * travel on to routing unchanged (tolerant reader); the rules read them through ScoringFacts.
 */
public record LeadEnrichedIn(ObjectNode lead, ObjectNode enrichment) {

    public LeadEnrichedIn {
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(enrichment, "enrichment");
        if (lead.path("email").asText("").isEmpty()) {
            throw new IllegalArgumentException("lead.email is missing");
        }
    }
}
