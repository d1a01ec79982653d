package io.leadflow.crm.connector;

import io.leadflow.crm.domain.Bant;
import io.leadflow.crm.domain.Qualification;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * What one sales-qualified lead becomes in the CRM: an account, a contact and an opportunity, in Leadflow's terms.
 * The connector translates the fields to its CRM's properties through the connection's {@link FieldMapping}.
 *
 * @param leadId the opportunity's external id: one opportunity per lead, whatever is retried
 * @param qualified the SDR's qualification as structured data, for a CRM that stores it as such (the built-in one);
 *                  external CRMs get it as text in the opportunity's description. Null when unknown.
 */
public record Conversion(UUID leadId, AccountDraft account, ContactDraft contact, OpportunityDraft opportunity,
                         Qualified qualified) {

    public Conversion {
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(opportunity, "opportunity");
    }

    public Conversion(UUID leadId, AccountDraft account, ContactDraft contact, OpportunityDraft opportunity) {
        this(leadId, account, contact, opportunity, null);
    }

    /** Who qualified the lead, when, and how (the template's framework and answers, BANT, notes). */
    public record Qualified(String sdrId, Instant qualifiedAt, Qualification qualification, Bant bant, String notes) {
    }

    /**
     * @param domain the company's domain (lower case), null when the lead has none: then only the name is known
     * @param crmId  the account's id in this CRM when enrichment matched the lead to a known account (from the
     *               CRM's account book or an earlier sync); used before the domain, null when unknown
     */
    public record AccountDraft(String name, String domain, String crmId) {

        public AccountDraft(String name, String domain) {
            this(name, domain, null);
        }
    }

    /** @param email lower case; the contact's key in every CRM */
    public record ContactDraft(String email, String firstName, String lastName, String jobTitle, String phone,
                               String lifecycle) {
    }

    /**
     * @param ownerId the CRM user who owns the deal (the SDR's AE by the connection's mapping); null means the
     *                account's owner, else the connection's default owner
     * @param description the lead's story in plain text (source, score and reasons, touches, qualification answers)
     */
    public record OpportunityDraft(String name, String stage, LocalDate closeDate, BigDecimal amount, String ownerId,
                                   String description) {
    }
}
