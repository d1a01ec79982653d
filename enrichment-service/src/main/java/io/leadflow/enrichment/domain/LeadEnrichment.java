package io.leadflow.enrichment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The stored enrichment of one lead. */
@Entity
@Table(name = "lead_enrichment")
public class LeadEnrichment {

    @Id
    @Column(name = "lead_id")
    public UUID leadId;
    @Column(name = "email_domain")
    public String emailDomain;
    @Column(name = "email_class")
    public String emailClass;
    @Column(name = "company_domain")
    public String companyDomain;
    public String seniority;
    public String department;
    @Column(name = "decision_maker")
    public boolean decisionMaker;
    @Column(name = "role_account")
    public boolean roleAccount;
    /** libphonenumber's type of the lead's phone (mobile, fixed_line, ...), unknown when invalid, null without one. */
    @Column(name = "phone_type")
    public String phoneType;
    /** EMEA, NA, LATAM or APAC; null when the country is unknown. */
    public String region;
    @Column(name = "time_zone")
    public String timeZone;
    /** DataQuality's score, 0-100. */
    @Column(name = "data_quality")
    public int dataQuality;
    @Column(name = "enriched_at")
    public Instant enrichedAt;
}
