package io.leadflow.scoring.messaging.out;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.scoring.domain.ScoreCard;

/** The body of LeadScored on leads.scoring.v1: the snapshots it was scored on, and the score card. */
public record LeadScored(ObjectNode lead, ObjectNode enrichment, ScoreCard score) {

    public static final String TYPE = "LeadScored";
}
