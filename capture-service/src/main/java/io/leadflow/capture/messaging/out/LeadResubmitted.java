package io.leadflow.capture.messaging.out;

import io.leadflow.capture.domain.Consent;
import io.leadflow.capture.domain.Lead;
import io.leadflow.capture.domain.Submission;
import io.leadflow.capture.domain.Utm;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The body of LeadResubmitted on leads.capture.v1 (contract: contracts/.../LeadResubmitted.schema.json):
 * a known person submitted again. Sent instead of LeadCaptured so a known lead is never routed twice;
 * it carries what they sent this time and the lead as it now stands, so its owner sees the whole story.
 */
public record LeadResubmitted(UUID submissionId, String channel, String formId, Instant submittedAt,
                              Instant capturedAt, int submissionCount, Sent submission, Profile lead,
                              List<String> filledFields, List<String> conflictingFields) {

    public static final String TYPE = "LeadResubmitted";

    /** What the person sent this time (after normalisation). */
    public record Sent(String email, String firstName, String lastName, String company, String jobTitle, String phone,
                       String country, String message, String state, String website, String industry,
                       String employees, String revenue, Consent consent, Utm utm, String pageUrl, String referrer,
                       Instant firstSeenAt, String visitorId) {
    }

    /** The lead after this submission filled its gaps; the current consent is the latest given. */
    public record Profile(String email, String firstName, String lastName, String company, String jobTitle,
                          String phone, String country, String state, String website, String industry,
                          String employees, String revenue, Consent consent, boolean doNotContact) {
    }

    public static LeadResubmitted of(Lead lead, Submission s) {
        Sent sent = new Sent(s.email, s.firstName, s.lastName, s.company, s.jobTitle, s.phone, s.country, s.message,
                s.state, s.website, s.industry, s.employees, s.revenue, s.consent(), s.utm(), s.pageUrl, s.referrer, s.firstSeenAt, s.visitorId);
        Profile profile = new Profile(lead.email, lead.firstName, lead.lastName, lead.company, lead.jobTitle,
                lead.phone, lead.country, lead.state, lead.website, lead.industry, lead.employees, lead.revenue,
                lead.consent(), lead.doNotContact);
        return new LeadResubmitted(s.id, s.channel, s.formId, s.submittedAt, lead.capturedAt, lead.submissionCount,
                sent, profile, s.filled(), s.conflicting());
    }
}
