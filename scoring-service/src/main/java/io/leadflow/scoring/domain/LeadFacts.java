package io.leadflow.scoring.domain;

/** What the rules look at, extracted from LeadEnriched. */
public record LeadFacts(String emailClass, String emailDomain, String jobTitle, String company, String phone,
                        String country, String message, String formId) {
}
