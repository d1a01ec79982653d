package io.leadflow.routing.domain;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What routing needs from a scored lead: the score that decides, and the snapshots it passes on.
 * Implemented by the consumer's trimmed copy of LeadScored.
 */
public interface ScoredLead {

    JsonNode lead();

    JsonNode enrichment();

    JsonNode score();

    int scoreValue();

    String grade();

    /** The learned model's view (probability, model version, factors); null until a model is trained. */
    JsonNode conversion();
}
