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
    @Column(name = "company_name")
    public String companyName;
    /** One of Industries.TAXONOMY. */
    public String industry;
    @Column(name = "employee_band")
    public String employeeBand;
    @Column(name = "revenue_band")
    public String revenueBand;
    @Column(name = "hq_country")
    public String hqCountry;
    /** ISO 3166-2 code of the US state or Canadian province. */
    public String state;
    @Column(name = "account_id")
    public String accountId;
    @Column(name = "account_owner_id")
    public String accountOwnerId;
    @Column(name = "account_confidence")
    public Double accountConfidence;
    /** The time budget ran out before every provider answered; a later revision may complete it. */
    public boolean partial;
    public int revision;
    @Column(name = "enriched_at")
    public Instant enrichedAt;

    /** A row holding this enrichment of the lead. */
    public static LeadEnrichment of(UUID leadId, Enrichment e) {
        LeadEnrichment row = new LeadEnrichment();
        row.leadId = leadId;
        row.fill(e);
        return row;
    }

    public void fill(Enrichment e) {
        emailDomain = e.emailDomain();
        emailClass = e.emailClass();
        companyDomain = e.companyDomain();
        seniority = e.person().seniority();
        department = e.person().department();
        decisionMaker = e.person().decisionMaker();
        roleAccount = e.roleAccount();
        phoneType = e.phone() == null ? null : e.phone().type();
        region = e.geography().region();
        timeZone = e.geography().timeZone();
        dataQuality = e.quality().score();
        companyName = e.company().name();
        industry = e.company().industry();
        employeeBand = e.company().employeeBand();
        revenueBand = e.company().revenueBand();
        hqCountry = e.company().country();
        state = e.geography().state();
        accountId = e.account() == null ? null : e.account().accountId();
        accountOwnerId = e.account() == null ? null : e.account().ownerId();
        accountConfidence = e.account() == null ? null : e.account().confidence();
        partial = e.partial();
        revision = e.revision();
        enrichedAt = Instant.now();
    }
}
