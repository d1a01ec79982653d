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

    /** A new lead from a normalised, valid submission. */
    public static Lead capture(LeadSubmission s, String phoneRaw, Channel channel, Instant capturedAt) {
        Lead lead = new Lead();
        lead.id = UUID.randomUUID();
        lead.submissionId = UUID.randomUUID();
        lead.channel = channel.wireName();
        lead.email = s.email();
        lead.firstName = s.firstName();
        lead.lastName = s.lastName();
        lead.company = s.company();
        lead.jobTitle = s.jobTitle();
        lead.phone = s.phone();
        lead.phoneRaw = phoneRaw;
        lead.country = s.country();
        lead.message = s.message();
        if (s.consent() != null) {
            lead.consentMarketing = s.consent().marketing();
            lead.consentText = s.consent().text();
            lead.consentVersion = s.consent().version();
        }
        if (s.utm() != null) {
            lead.utmSource = s.utm().source();
            lead.utmMedium = s.utm().medium();
            lead.utmCampaign = s.utm().campaign();
            lead.utmTerm = s.utm().term();
            lead.utmContent = s.utm().content();
        }
        lead.pageUrl = s.pageUrl();
        lead.referrer = s.referrer();
        lead.formId = s.formId();
        lead.capturedAt = capturedAt;
        return lead;
    }
}
