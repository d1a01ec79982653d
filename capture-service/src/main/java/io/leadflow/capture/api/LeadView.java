package io.leadflow.capture.api;

import io.leadflow.capture.domain.Consent;
import io.leadflow.capture.domain.Lead;
import io.leadflow.capture.domain.Submission;
import io.leadflow.capture.domain.Utm;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A lead as RevOps reads it: the person as known now, and every submission that made it, oldest first. */
public record LeadView(UUID id, String email, String firstName, String lastName, String company, String jobTitle,
                       String phone, String phoneRaw, String country, String state, String website, String industry,
                       String employees, String revenue, Consent consent, Utm firstTouch, String formId,
                       String channel, Instant capturedAt, Instant lastSubmittedAt, int submissionCount,
                       String spamReason, List<SubmissionView> submissions) {

    public record SubmissionView(UUID id, String channel, String formId, Instant submittedAt, String email,
                                 String firstName, String lastName, String company, String jobTitle, String phone,
                                 String phoneRaw, String country, String message, String state, String website,
                                 String industry, String employees, String revenue, Consent consent, Utm utm,
                                 String pageUrl, String referrer, Instant firstSeenAt, String visitorId,
                                 String spamReason, List<String> filledFields, List<String> conflictingFields) {

        static SubmissionView of(Submission s) {
            return new SubmissionView(s.id, s.channel, s.formId, s.submittedAt, s.email, s.firstName, s.lastName,
                    s.company, s.jobTitle, s.phone, s.phoneRaw, s.country, s.message, s.state, s.website, s.industry,
                    s.employees, s.revenue, s.consent(), s.utm(), s.pageUrl,
                    s.referrer, s.firstSeenAt, s.visitorId, s.spamReason, s.filled(), s.conflicting());
        }
    }

    static LeadView of(Lead lead, List<Submission> submissions) {
        return new LeadView(lead.id, lead.email, lead.firstName, lead.lastName, lead.company, lead.jobTitle, lead.phone,
                lead.phoneRaw, lead.country, lead.state, lead.website, lead.industry, lead.employees, lead.revenue,
                lead.consent(), lead.firstTouch(), lead.formId, lead.channel, lead.capturedAt,
                lead.lastSubmittedAt, lead.submissionCount, lead.spamReason,
                submissions.stream().map(SubmissionView::of).toList());
    }
}
