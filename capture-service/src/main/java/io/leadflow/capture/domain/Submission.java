package io.leadflow.capture.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One submission of a lead, exactly as it came in (after normalisation): the lead's history. The
 * consent a person gave is recorded here, per submission, with the text and version they saw.
 */
@Entity
@Table(name = "submission")
public class Submission {

    @Id
    public UUID id;
    @Column(name = "lead_id")
    public UUID leadId;
    public String channel;
    @Column(name = "form_id")
    public String formId;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    public String email;
    @Column(name = "first_name")
    public String firstName;
    @Column(name = "last_name")
    public String lastName;
    public String company;
    @Column(name = "job_title")
    public String jobTitle;
    public String phone;
    @Column(name = "phone_raw")
    public String phoneRaw;
    public String country;
    public String message;
    public String state;
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
    @Column(name = "first_seen_at")
    public Instant firstSeenAt;
    @Column(name = "visitor_id")
    public String visitorId;
    @Column(name = "spam_reason")
    public String spamReason;
    /** Comma-separated lead fields this submission filled (progressive profiling). */
    @Column(name = "filled_fields")
    public String filledFields;
    /** Comma-separated lead fields where this submission disagreed with the lead, which kept its value. */
    @Column(name = "conflicting_fields")
    public String conflictingFields;

    /** A submission from a normalised, valid request; not yet linked to a lead. */
    public static Submission of(LeadSubmission s, String phoneRaw, Channel channel, Instant submittedAt) {
        Submission sub = new Submission();
        sub.id = UUID.randomUUID();
        sub.channel = channel.wireName();
        sub.formId = s.formId();
        sub.submittedAt = submittedAt;
        sub.email = s.email();
        sub.firstName = s.firstName();
        sub.lastName = s.lastName();
        sub.company = s.company();
        sub.jobTitle = s.jobTitle();
        sub.phone = s.phone();
        sub.phoneRaw = phoneRaw;
        sub.country = s.country();
        sub.message = s.message();
        sub.state = s.state();
        sub.website = s.website();
        sub.industry = s.industry();
        sub.employees = s.employees();
        sub.revenue = s.revenue();
        if (s.consent() != null) {
            sub.consentMarketing = s.consent().marketing();
            sub.consentText = s.consent().text();
            sub.consentVersion = s.consent().version();
        }
        if (s.utm() != null) {
            sub.utmSource = s.utm().source();
            sub.utmMedium = s.utm().medium();
            sub.utmCampaign = s.utm().campaign();
            sub.utmTerm = s.utm().term();
            sub.utmContent = s.utm().content();
        }
        sub.pageUrl = s.pageUrl();
        sub.referrer = s.referrer();
        sub.firstSeenAt = s.firstSeenAt() == null ? null : Instant.parse(s.firstSeenAt());
        sub.visitorId = s.visitorId();
        return sub;
    }

    public Consent consent() {
        return Consent.ofColumns(consentMarketing, consentText, consentVersion);
    }

    public Utm utm() {
        return Utm.ofColumns(utmSource, utmMedium, utmCampaign, utmTerm, utmContent);
    }

    public List<String> filled() {
        return split(filledFields);
    }

    public List<String> conflicting() {
        return split(conflictingFields);
    }

    static String join(List<String> fields) {
        return fields.isEmpty() ? null : String.join(",", fields);
    }

    private static List<String> split(String fields) {
        return fields == null ? List.of() : List.of(fields.split(","));
    }
}
