package io.leadflow.crm.messaging.in;

import io.leadflow.crm.domain.Bant;
import io.leadflow.crm.domain.Qualification;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * CRM sync's trimmed copy of LeadQualified: who the person and company are, and the SDR's qualification. Events carry
 * {@code qualification} (framework and answers) and, for BANT, {@code bant} too; events from before templates carry
 * {@code bant} alone, read as a BANT qualification. An event with neither is refused (dead-letter topic).
 */
public record LeadQualifiedIn(UUID assignmentId, String sdrId, Instant qualifiedAt, Qualification qualification,
                              Bant bant, String notes, Lead lead, Enrichment enrichment) {

    public LeadQualifiedIn {
        Objects.requireNonNull(sdrId, "sdrId");
        Objects.requireNonNull(qualifiedAt, "qualifiedAt");
        if (qualification == null && bant == null) {
            throw new NullPointerException("qualification (or bant, on events from before templates)");
        }
        if (qualification == null) {
            qualification = Qualification.of(bant);
        }
        Objects.requireNonNull(lead, "lead");
    }

    public record Lead(String email, String firstName, String lastName, String company, String jobTitle,
                       String phone, String source, String medium, String campaign) {
        public Lead {
            Objects.requireNonNull(email, "lead.email");
        }
    }

    /** Absent when the lead skipped enrichment; then only the company name is known. */
    public record Enrichment(String emailDomain, String emailClass, String companyDomain, AccountMatch account) {

        public Enrichment(String emailDomain, String emailClass, String companyDomain) {
            this(emailDomain, emailClass, companyDomain, null);
        }
    }

    /**
     * The known account enrichment matched the lead to ({@code enrichment.account}): its id is the CRM's own (from the
     * account book RevOps imported) or Leadflow's (learned from an earlier OpportunityCreated).
     */
    public record AccountMatch(String accountId, String ownerId, Double confidence) {
    }
}
