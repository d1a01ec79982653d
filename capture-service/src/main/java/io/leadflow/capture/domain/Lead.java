package io.leadflow.capture.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A captured lead: who they are, what they consented to, and where they came from. */
@Entity
@Table(name = "lead")
public class Lead {

    @Id
    public UUID id;
    @Column(name = "submission_id")
    public UUID submissionId;
    public String channel;
    public String email;
    @Column(name = "first_name")
    public String firstName;
    @Column(name = "last_name")
    public String lastName;
    public String company;
    @Column(name = "job_title")
    public String jobTitle;
    /** E.164. */
    public String phone;
    /** Why this submission was taken for a bot's (honeypot, too-fast); null for a person. Spam is never announced. */
    @Column(name = "spam_reason")
    public String spamReason;
    /** The phone as the person typed it. */
    @Column(name = "phone_raw")
    public String phoneRaw;
    public String country;
    public String message;
    /** The state, province or region, as typed. */
    public String state;
    /** The company's details as the person typed them (free text; enrichment reads and normalises them). */
    public String website;
    public String industry;
    public String employees;
    public String revenue;
    @Column(name = "consent_marketing")
    public Boolean consentMarketing;
    @Column(name = "consent_text")
    public String consentText;
    @Column(name = "consent_version")
    public String consentVersion;
    @Column(name = "utm_source")
    public String utmSource;
    @Column(name = "utm_medium")
    public String utmMedium;
    @Column(name = "utm_campaign")
    public String utmCampaign;
    @Column(name = "utm_term")
    public String utmTerm;
    @Column(name = "utm_content")
    public String utmContent;
    @Column(name = "page_url")
    public String pageUrl;
    public String referrer;
    @Column(name = "form_id")
    public String formId;
    @Column(name = "captured_at")
    public Instant capturedAt;

    /** The identity (see {@link LeadIdentity#emailKey}); null for spam, which never becomes anyone's lead. */
    @Column(name = "email_key")
    public String emailKey;
    @Column(name = "last_submitted_at")
    public Instant lastSubmittedAt;
    @Column(name = "submission_count")
    public int submissionCount;
    /** The person asked not to be contacted (privacy/DoNotContact): never routed, downstream told. */
    @Column(name = "do_not_contact")
    public boolean doNotContact;

    /** The latest consent the person gave, or null. */
    public Consent consent() {
        return Consent.ofColumns(consentMarketing, consentText, consentVersion);
    }

    /** The first touch: the UTM parameters of the submission that made the lead, or null. */
    public Utm firstTouch() {
        return Utm.ofColumns(utmSource, utmMedium, utmCampaign, utmTerm, utmContent);
    }

    /** The lead a person's first submission makes: its details, consent and attribution are that submission's. */
    public static Lead firstFrom(Submission s) {
        Lead lead = new Lead();
        lead.id = UUID.randomUUID();
        lead.submissionId = s.id;
        lead.channel = s.channel;
        lead.email = s.email;
        lead.emailKey = s.spamReason == null ? LeadIdentity.emailKey(s.email) : null;
        lead.firstName = s.firstName;
        lead.lastName = s.lastName;
        lead.company = s.company;
        lead.jobTitle = s.jobTitle;
        lead.phone = s.phone;
        lead.phoneRaw = s.phoneRaw;
        lead.country = s.country;
        lead.message = s.message;
        lead.state = s.state;
        lead.website = s.website;
        lead.industry = s.industry;
        lead.employees = s.employees;
        lead.revenue = s.revenue;
        lead.consentMarketing = s.consentMarketing;
        lead.consentText = s.consentText;
        lead.consentVersion = s.consentVersion;
        lead.utmSource = s.utmSource;
        lead.utmMedium = s.utmMedium;
        lead.utmCampaign = s.utmCampaign;
        lead.utmTerm = s.utmTerm;
        lead.utmContent = s.utmContent;
        lead.pageUrl = s.pageUrl;
        lead.referrer = s.referrer;
        lead.formId = s.formId;
        lead.spamReason = s.spamReason;
        lead.capturedAt = s.submittedAt;
        lead.lastSubmittedAt = s.submittedAt;
        lead.submissionCount = 1;
        s.leadId = lead.id;
        s.filledFields = Submission.join(ProgressiveProfile.filledByFirst(s));
        return lead;
    }

    /**
     * A later submission of the same person: its non-empty details fill the lead's gaps, a value that
     * disagrees with the lead's is left on the submission (the history), and the latest consent given
     * replaces the earlier one (a person may withdraw it). First-touch attribution stays the lead's.
     */
    public void resubmitted(Submission s) {
        ProgressiveProfile.Merge merge = ProgressiveProfile.merge(this, s);
        if (s.consent() != null) {
            consentMarketing = s.consentMarketing;
            consentText = s.consentText;
            consentVersion = s.consentVersion;
        }
        lastSubmittedAt = s.submittedAt;
        submissionCount++;
        s.leadId = id;
        s.filledFields = Submission.join(merge.filled());
        s.conflictingFields = Submission.join(merge.conflicting());
    }
}
