package io.leadflow.enrichment.messaging.out;

import io.leadflow.enrichment.domain.Enrichment;
import io.leadflow.enrichment.messaging.in.LeadCapturedIn;

import java.time.Instant;

/** The body of LeadEnriched on leads.enrichment.v1: the lead's snapshot and what enrichment derived. */
public record LeadEnriched(Lead lead, Enrichment enrichment) {

    public static final String TYPE = "LeadEnriched";

    /** The lead as every later step sees it; source attribution flattened from the UTM parameters. */
    public record Lead(String email, String firstName, String lastName, String company, String jobTitle, String phone,
                       String country, String state, String website, String industry, String employees, String revenue,
                       String message, String source, String medium, String campaign, String formId,
                       String pageUrl, boolean doNotContact, Instant capturedAt) {
    }

    public static LeadEnriched of(LeadCapturedIn captured, Enrichment enrichment) {
        LeadCapturedIn.Utm utm = captured.utm() == null ? new LeadCapturedIn.Utm(null, null, null) : captured.utm();
        return new LeadEnriched(new Lead(captured.email(), captured.firstName(), captured.lastName(), captured.company(),
                captured.jobTitle(), captured.phone(), captured.country(), captured.state(), captured.website(),
                captured.industry(), captured.employees(), captured.revenue(), captured.message(), utm.source(),
                utm.medium(), utm.campaign(), captured.formId(), captured.pageUrl(), captured.doNotContact(),
                captured.capturedAt()), enrichment);
    }
}
