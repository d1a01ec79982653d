package io.leadflow.capture.domain;

/**
 * A submission as a client sent it, through any channel, before normalisation and validation.
 * The field names are the public API's.
 */
public record LeadSubmission(String email, String firstName, String lastName, String company, String jobTitle,
                             String phone, String country, String message, Consent consent, Utm utm,
                             String pageUrl, String referrer, String formId) {
}
