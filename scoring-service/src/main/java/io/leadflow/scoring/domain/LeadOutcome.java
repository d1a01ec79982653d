package io.leadflow.scoring.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The won/lost outcome of an opportunity a lead became. */
@Entity
@Table(name = "lead_outcome")
public class LeadOutcome {

    @Id
    @Column(name = "opportunity_id")
    public UUID opportunityId;
    @Column(name = "lead_id")
    public UUID leadId;
    public String outcome;
    public String reason;
    public BigDecimal amount;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "recorded_at")
    public Instant recordedAt;
}
