package io.leadflow.capture.messaging.out;

import io.leadflow.capture.domain.Consent;
import io.leadflow.capture.domain.Lead;
import io.leadflow.capture.domain.LeadSubmission;
import io.leadflow.capture.domain.Utm;

import java.time.Instant;
import java.util.UUID;

/** The body of LeadCaptured on leads.capture.v1 (contract: contracts/.../LeadCaptured.schema.json). */
public record LeadCaptured(UUID submissionId, String channel, String email, String firstName, String lastName,
                           String company, String jobTitle, String phone, String country, String message,
                           Consent consent, Utm utm, String pageUrl, String referrer, String formId,
                           Instant capturedAt, String visitorId, Instant firstSeenAt) {

    public static final String TYPE = "LeadCaptured";

    /**
     * The event of a stored lead, with the browser's attribution from its normalised submission: the
     * anonymous visitor id and when that browser first reached the site (both null for other channels).
     */
    public static LeadCaptured of(Lead lead, LeadSubmission submission) {
        Consent consent = lead.consentMarketing == null && lead.consentText == null && lead.consentVersion == null
                ? null : new Consent(lead.consentMarketing, lead.consentText, lead.consentVersion);
        Utm utm = lead.utmSource == null && lead.utmMedium == null && lead.utmCampaign == null
                && lead.utmTerm == null && lead.utmContent == null
                ? null : new Utm(lead.utmSource, lead.utmMedium, lead.utmCampaign, lead.utmTerm, lead.utmContent);
        return new LeadCaptured(lead.submissionId, lead.channel, lead.email, lead.firstName, lead.lastName,
                lead.company, lead.jobTitle, lead.phone, lead.country, lead.message, consent, utm,
                lead.pageUrl, lead.referrer, lead.formId, lead.capturedAt, submission.visitorId(),
                submission.firstSeenAt() == null ? null : Instant.parse(submission.firstSeenAt()));
    }
}
