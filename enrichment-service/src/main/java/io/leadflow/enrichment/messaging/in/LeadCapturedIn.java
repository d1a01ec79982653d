package io.leadflow.enrichment.messaging.in;

import io.leadflow.enrichment.domain.Enrichment;

import java.time.Instant;
import java.util.Objects;

/**
 * Enrichment's own trimmed copy of LeadCaptured: what it derives from, and what it passes on. state, website, industry,
 * employees and revenue are what the person said about where they are and their company (absent from older events).
 */
public record LeadCapturedIn(String email, String firstName, String lastName, String company, String jobTitle,
                             String phone, String country, String state, String website, String industry,
                             String employees, String revenue, String message, Utm utm, String formId,
                             String pageUrl, boolean doNotContact, Instant capturedAt) {

    public LeadCapturedIn {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(capturedAt, "capturedAt");
    }

    public record Utm(String source, String medium, String campaign) {
    }

    /** What enrichment reads of it. */
    public Enrichment.Input input() {
        return new Enrichment.Input(email, firstName, lastName, company, jobTitle, phone, country, state, website, industry,
                employees, revenue);
    }
}
