package io.leadflow.enrichment.messaging.in;

import java.time.Instant;
import java.util.Objects;

/** Enrichment's own trimmed copy of LeadCaptured: what it derives from, and what it passes on. */
public record LeadCapturedIn(String email, String firstName, String lastName, String company, String jobTitle,
                             String phone, String country, String message, Utm utm, String formId,
                             String pageUrl, boolean doNotContact, Instant capturedAt) {

    public LeadCapturedIn {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(capturedAt, "capturedAt");
    }

    public record Utm(String source, String medium, String campaign) {
    }
}
