package io.leadflow.crm.messaging.out;

import io.leadflow.crm.domain.Opportunity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The body of OpportunityClosed on leads.crm.v1 (contract: contracts/.../OpportunityClosed.schema.json): how the deal
 * ended, and what the lead's outcome is attributed to (source, campaign, routing rule and arm, SDR, scoring versions at
 * the time of routing), so scoring learns from it and the KPIs split it without joining anything.
 */
public record OpportunityClosed(UUID opportunityId, String outcome, String reason, BigDecimal amount, Instant closedAt,
                                String stage, String crm, String lifecycle, Attribution attribution) {

    public static final String TYPE = "OpportunityClosed";

    /** Where the lead came from and how it was scored and routed; fields unknown to crm-sync are null. */
    public record Attribution(String source, String medium, String campaign, String sdrId, String poolId,
                              String routingRuleSet, String ruleId, String experimentId, String variant,
                              String scoringRuleSet, Integer modelVersion, Integer score, String grade) {
    }

    /** A built-in opportunity closed before CRM connections existed (no sync record, no attribution). */
    public static OpportunityClosed of(Opportunity opportunity) {
        return new OpportunityClosed(opportunity.id, opportunity.outcome.name(), opportunity.closeReason,
                opportunity.amount, opportunity.closedAt, opportunity.stage, "builtin", null, null);
    }
}
