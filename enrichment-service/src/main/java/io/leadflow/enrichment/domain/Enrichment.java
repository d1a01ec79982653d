package io.leadflow.enrichment.domain;

/**
 * What enrichment derived for a lead. companyDomain is null for personal and disposable addresses; roleAccount says the
 * address is a function's (info@, sales@); phone is null when the lead gave none; person is what the job title says
 * (unknown levels when there is none).
 */
public record Enrichment(String emailDomain, String emailClass, String companyDomain, boolean roleAccount, PhoneFacts phone,
                         Person person) {

    /**
     * The person behind the lead as read from the job title, with where each value came from: {@code source} is
     * {@code rule:job-title} (the title rules) or {@code none} (no title given); {@code seniorityFrom} and
     * {@code departmentFrom} are the words that decided.
     */
    public record Person(String seniority, String seniorityFrom, String department, String departmentFrom,
                         boolean decisionMaker, String source) {

        static Person of(String jobTitle, JobTitles titles) {
            JobTitles.Person p = titles.read(jobTitle);
            return new Person(p.seniority().wireName(), p.seniorityEvidence(), p.department().wireName(),
                    p.departmentEvidence(), p.decisionMaker(), jobTitle == null || jobTitle.isBlank() ? "none" : "rule:job-title");
        }
    }

    /** Derives the enrichment of a lead's e-mail address, phone and job title (phone, country and title may be null). */
    public static Enrichment of(String email, String phone, String country, String jobTitle, EmailDomains domains,
                                JobTitles titles) {
        String domain = EmailDomains.domainOf(email);
        if (domain == null) {
            throw new IllegalArgumentException("not an e-mail address: " + email);
        }
        EmailClass emailClass = domains.classify(domain);
        return new Enrichment(domain, emailClass.wireName(), emailClass == EmailClass.BUSINESS ? domain : null,
                RoleAccounts.isRole(email), PhoneFacts.of(phone, country), Person.of(jobTitle, titles));
    }
}
