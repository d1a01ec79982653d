package io.leadflow.scoring.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The current score of a lead. reasons holds the JSON array of {@link Reason}s. */
@Entity
@Table(name = "lead_score")
public class LeadScore {

    @Id
    @Column(name = "lead_id")
    public UUID leadId;
    public int score;
    public String grade;
    public String reasons;
    @Column(name = "rule_set_version")
    public String ruleSetVersion;
    /** Points per dimension of the rule set, its temperature (cold, warm, hot) and whether the lead is an MQL. */
    public Integer fit;
    public Integer engagement;
    public Integer intent;
    public String temperature;
    public boolean mql;
    /** When the lead first reached the MQL threshold (LeadMarketingQualified was emitted then). */
    @Column(name = "mql_at")
    public Instant mqlAt;
    /** The LeadEnriched snapshot the rules read ({leadId, lead, enrichment}), for dry-runs of a draft. */
    public String facts;
    /** What the conversion model read of the lead (LeadAttributes as JSON): its outcome is learnt from it. */
    public String attributes;
    @Column(name = "conversion_probability")
    public Double conversionProbability;
    @Column(name = "model_version")
    public Integer modelVersion;
    @Column(name = "scored_at")
    public Instant scoredAt;
}
