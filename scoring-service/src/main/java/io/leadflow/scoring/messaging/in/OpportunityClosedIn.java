package io.leadflow.scoring.messaging.in;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Scoring's copy of OpportunityClosed: the outcome it learns from. */
public record OpportunityClosedIn(UUID opportunityId, String outcome, String reason, BigDecimal amount, Instant closedAt) {

    public OpportunityClosedIn {
        Objects.requireNonNull(opportunityId, "opportunityId");
        Objects.requireNonNull(closedAt, "closedAt");
        if (!"WON".equals(outcome) && !"LOST".equals(outcome)) {
            throw new IllegalArgumentException("outcome must be WON or LOST, got " + outcome);
        }
    }
}
