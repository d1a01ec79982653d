package io.leadflow.scoring.messaging.out;

import io.leadflow.scoring.domain.ScoreCard;

import java.time.Instant;

/**
 * The body of LeadMarketingQualified on leads.scoring.v1: the lead crossed the MQL threshold of the rule set, for the
 * first time; {@code trigger} is the signal that made it cross ({@code enriched}, {@code engaged}, {@code replied} or {@code rescored}).
 */
public record LeadMarketingQualified(ScoreCard score, int threshold, String trigger, Instant qualifiedAt) {

    public static final String TYPE = "LeadMarketingQualified";
}
