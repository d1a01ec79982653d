package io.leadflow.scoring.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One engagement of a lead scoring has seen (from LeadEngaged), kept to re-score the lead in event time. */
@Entity
@Table(name = "lead_engagement")
public class LeadEngagement {

    @Id
    @Column(name = "engagement_id")
    public UUID engagementId;
    @Column(name = "lead_id")
    public UUID leadId;
    public String type;
    @Column(name = "occurred_at")
    public Instant occurredAt;
}
