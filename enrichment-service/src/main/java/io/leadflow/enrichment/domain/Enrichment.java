package io.leadflow.enrichment.domain;

/**
 * What enrichment derived for a lead. companyDomain is null for personal and disposable addresses; roleAccount says the
 * address is a function's (info@, sales@); phone is null when the lead gave none; person is what the job title says
 * (unknown levels when there is none).
 */
public record Enrichment(String emailDomain, String emailClass, String companyDomain, boolean roleAccount, PhoneFacts phone,
                         Place geography, Person person, DataQuality quality) {

    /**
     * Where the lead is: the country the form gave, else the phone's; its sales region and main time zone. {@code source}
     * is {@code form}, {@code phone} or {@code none}.
     */
    public record Place(String country, String region, String timeZone, String source) {

        static Place of(String formCountry, PhoneFacts phone, Geography geography) {
            Geography.Place fromForm = geography.of(formCountry);
            if (fromForm.country() != null) {
                return new Place(fromForm.country(), fromForm.region(), fromForm.timeZone(), "form");
            }
            Geography.Place fromPhone = geography.of(phone == null ? null : phone.country());
            if (fromPhone.country() != null) {
                return new Place(fromPhone.country(), fromPhone.region(), fromPhone.timeZone(), "phone");
            }
            return new Place(null, null, null, "none");
        }
    }

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

    /** What enrichment reads of a lead: what the person typed into the form. */
    public record Input(String email, String firstName, String lastName, String company, String jobTitle, String phone,
                        String country) {
    }

    /** Derives the enrichment of a lead (everything but the address may be null). */
    public static Enrichment of(Input lead, EmailDomains domains, JobTitles titles, Geography geography) {
        String email = lead.email();
        String domain = EmailDomains.domainOf(email);
        if (domain == null) {
            throw new IllegalArgumentException("not an e-mail address: " + email);
        }
        EmailClass emailClass = domains.classify(domain);
        PhoneFacts phone = PhoneFacts.of(lead.phone(), lead.country());
        boolean roleAccount = RoleAccounts.isRole(email);
        Person person = Person.of(lead.jobTitle(), titles);
        Place place = Place.of(lead.country(), phone, geography);
        DataQuality quality = DataQuality.of(new DataQuality.Facts(lead.firstName(), lead.lastName(), lead.company(),
                lead.jobTitle(), emailClass.wireName(), roleAccount, phone, place.country(), person.seniority()));
        return new Enrichment(domain, emailClass.wireName(), emailClass == EmailClass.BUSINESS ? domain : null,
                roleAccount, phone, place, person, quality);
    }
}
