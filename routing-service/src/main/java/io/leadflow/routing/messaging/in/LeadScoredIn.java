package io.leadflow.routing.messaging.in;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.routing.domain.ScoredLead;

/**
 * Routing's own copy of LeadScored: the score that decides, and the lead, enrichment and score
 * snapshots kept as opaque JSON so that LeadAssigned carries them on without modelling every field.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LeadScoredIn(JsonNode lead, JsonNode enrichment, JsonNode score, JsonNode conversion) implements ScoredLead {

    public LeadScoredIn {
        if (lead == null || !lead.isObject()) {
            throw new IllegalArgumentException("lead must be an object");
        }
        if (enrichment != null && enrichment.isNull()) {
            enrichment = null;
        }
        if (enrichment != null && !enrichment.isObject()) {
            throw new IllegalArgumentException("enrichment must be an object");
        }
        if (conversion != null && conversion.isNull()) {
            conversion = null;
        }
        if (conversion != null && !conversion.isObject()) {
            throw new IllegalArgumentException("conversion must be an object");
        }
        if (score == null || !score.isObject()) {
            throw new IllegalArgumentException("score must be an object");
        }
        JsonNode value = score.get("value");
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 0 || value.asInt() > 100) {
            throw new IllegalArgumentException("score.value must be an integer from 0 to 100");
        }
        if (!score.path("grade").isTextual()) {
            throw new IllegalArgumentException("score.grade must be text");
        }
    }

    @Override
    public int scoreValue() {
        return score.get("value").asInt();
    }

    @Override
    public String grade() {
        return score.get("grade").asText();
    }
}
