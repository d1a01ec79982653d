package io.leadflow.capture.messaging.out;

import io.leadflow.capture.domain.Consent;
import io.leadflow.capture.domain.Lead;
import io.leadflow.capture.domain.Submission;
import io.leadflow.capture.domain.Utm;

import java.time.Instant;
import java.util.UUID;

/** The body of LeadCaptured on leads.capture.v1 (contract: contracts/.../LeadCaptured.schema.json). */
public record LeadCaptured(UUID submissionId, String channel, String email, String firstName, String lastName,
                           String company, String jobTitle, String phone, String country, String message,
                           String state, String website, String industry, String employees, String revenue,
                           Consent consent, Utm utm, String pageUrl, String referrer, String formId,
                           Instant firstSeenAt, String visitorId, boolean doNotContact, Instant capturedAt) {

    public static final String TYPE = "LeadCaptured";

    /** A new person: the lead as its first submission made it. */
    public static LeadCaptured of(Lead lead, Submission first) {
        return new LeadCaptured(first.id, first.channel, lead.email, lead.firstName, lead.lastName,
                lead.company, lead.jobTitle, lead.phone, lead.country, first.message, lead.state, lead.website,
                lead.industry, lead.employees, lead.revenue, first.consent(), first.utm(),
                first.pageUrl, first.referrer, first.formId, first.firstSeenAt, first.visitorId, lead.doNotContact, lead.capturedAt);
    }
}
