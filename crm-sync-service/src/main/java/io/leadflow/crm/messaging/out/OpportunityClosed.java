package io.leadflow.crm.messaging.out;

import io.leadflow.crm.domain.Opportunity;
import io.leadflow.crm.domain.Outcome;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The body of OpportunityClosed on leads.crm.v1 (contract: contracts/.../OpportunityClosed.schema.json); scoring learns from it. */
public record OpportunityClosed(UUID opportunityId, Outcome outcome, String reason, BigDecimal amount, Instant closedAt) {

    public static final String TYPE = "OpportunityClosed";

    public static OpportunityClosed of(Opportunity opportunity) {
        return new OpportunityClosed(opportunity.id, opportunity.outcome, opportunity.closeReason, opportunity.amount,
                opportunity.closedAt);
    }
}
