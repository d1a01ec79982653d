package io.leadflow.scoring.messaging.out;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.scoring.domain.ConversionModels;
import io.leadflow.scoring.domain.ScoreCard;

/**
 * The body of LeadScored on leads.scoring.v1: the snapshots it was scored on, the score card, and the conversion model's
 * probability with its top factors (null until a model is trained).
 */
public record LeadScored(ObjectNode lead, ObjectNode enrichment, ScoreCard score, ConversionModels.Conversion conversion) {

    public static final String TYPE = "LeadScored";
}
