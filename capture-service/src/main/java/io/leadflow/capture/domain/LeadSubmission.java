package io.leadflow.capture.domain;

/**
 * A submission as a client sent it, through any channel, before normalisation and validation.
 * The field names are the public API's.
 */
public record LeadSubmission(String email, String firstName, String lastName, String company, String jobTitle,
                             String phone, String country, String message,
                             /* What the person says about where they are and about their company, as typed: enrichment reads it. */
                             String state, String website, String industry, String employees, String revenue,
                             Consent consent, Utm utm, String pageUrl, String referrer, String formId,
                             /* Bot traps: a field people never see (filled = a bot) and when the form was shown. */
                             String hp, String renderedAt,
                             /* Attribution: when this browser first reached the site, and its anonymous visitor id. */
                             String firstSeenAt, String visitorId) {

    /** A submission without the company details nor the bot-trap fields (server-to-server channels, tests). */
    public LeadSubmission(String email, String firstName, String lastName, String company, String jobTitle,
                          String phone, String country, String message, Consent consent, Utm utm,
                          String pageUrl, String referrer, String formId) {
        this(email, firstName, lastName, company, jobTitle, phone, country, message, null, null, null, null, null,
                consent, utm, pageUrl, referrer, formId, null, null, null, null);
    }
}
