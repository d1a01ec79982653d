package io.leadflow.enrichment.domain;

/** What enrichment derived for a lead. companyDomain is null for personal and disposable addresses. */
public record Enrichment(String emailDomain, String emailClass, String companyDomain) {

    /** Derives the enrichment of an e-mail address. */
    public static Enrichment of(String email, EmailDomains domains) {
        String domain = EmailDomains.domainOf(email);
        if (domain == null) {
            throw new IllegalArgumentException("not an e-mail address: " + email);
        }
        EmailClass emailClass = domains.classify(domain);
        return new Enrichment(domain, emailClass.wireName(), emailClass == EmailClass.BUSINESS ? domain : null);
    }
}
