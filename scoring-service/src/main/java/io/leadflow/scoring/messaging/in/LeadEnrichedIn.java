package io.leadflow.scoring.messaging.in;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.scoring.domain.LeadFacts;

import java.util.Objects;

/**
 * Scoring's copy of LeadEnriched. The lead and enrichment snapshots are kept as JSON so that they
 * travel on to routing unchanged (tolerant reader); the rules read only {@link #facts()}.
 */
public record LeadEnrichedIn(ObjectNode lead, ObjectNode enrichment) {

    public LeadEnrichedIn {
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(enrichment, "enrichment");
        if (lead.path("email").asText("").isEmpty()) {
            throw new IllegalArgumentException("lead.email is missing");
        }
    }

    public LeadFacts facts() {
        return new LeadFacts(text(enrichment, "emailClass"), text(enrichment, "emailDomain"), text(lead, "jobTitle"),
                text(lead, "company"), text(lead, "phone"), text(lead, "country"), text(lead, "message"),
                text(lead, "formId"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
