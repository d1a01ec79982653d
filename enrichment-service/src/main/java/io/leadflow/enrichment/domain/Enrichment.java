package io.leadflow.enrichment.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What enrichment derived for a lead. companyDomain is the business address's domain, else the web site the form gave,
 * else null; roleAccount says the address is a function's (info@, sales@); phone is null when the lead gave none; person
 * is what the job title says (unknown levels when there is none); company is merged from the form and the providers.
 * provenance says where each field came from ({@code form}, {@code provider:<name>}, {@code rule:<rule>}). partial says
 * the time budget ran out before the providers in pendingProviders answered; a later LeadEnriched of a higher revision
 * carries their answer.
 */
public record Enrichment(String emailDomain, String emailClass, String companyDomain, boolean roleAccount, PhoneFacts phone,
                         Place geography, Person person, Company company, AccountMatch account, DataQuality quality,
                         Map<String, String> provenance, boolean partial, List<String> pendingProviders, int revision) {

    /** The source name of what the person typed into the form. */
    public static final String FORM = "form";
    /** The source name of the business address's domain taken as the company's. */
    public static final String EMAIL_DOMAIN = "rule:email-domain";
    private static final Subdivisions SUBDIVISIONS = Subdivisions.shipped();

    /**
     * Where the lead is: the country the form gave, else the phone's, else the one of the state typed; its sales region
     * and main time zone; the US state or Canadian province (ISO 3166-2, "US-CA", "CA-QC") when the form gave one.
     * {@code source} is {@code form}, {@code phone}, {@code state} or {@code none}.
     */
    public record Place(String country, String region, String timeZone, String source, String state) {

        static Place of(String formCountry, String typedState, PhoneFacts phone, Geography geography) {
            Geography.Place fromForm = geography.of(formCountry);
            if (fromForm.country() != null) {
                return new Place(fromForm.country(), fromForm.region(), fromForm.timeZone(), "form",
                        state(typedState, fromForm.country()));
            }
            Geography.Place fromPhone = geography.of(phone == null ? null : phone.country());
            if (fromPhone.country() != null) {
                return new Place(fromPhone.country(), fromPhone.region(), fromPhone.timeZone(), "phone",
                        state(typedState, fromPhone.country()));
            }
            // No country: a state that only the US or only Canada has still places the lead.
            return SUBDIVISIONS.of(typedState, null).map(s -> {
                Geography.Place p = geography.of(s.country());
                return new Place(p.country(), p.region(), p.timeZone(), "state", s.code());
            }).orElse(new Place(null, null, null, "none", null));
        }

        private static String state(String typed, String country) {
            return SUBDIVISIONS.of(typed, country).map(Subdivisions.Subdivision::code).orElse(null);
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
                        String country, String state, String website, String industry, String employees, String revenue) {

        public Input(String email, String firstName, String lastName, String company, String jobTitle, String phone,
                     String country) {
            this(email, firstName, lastName, company, jobTitle, phone, country, null, null, null, null, null);
        }

        /** What the form says about the company. */
        public CompanyFacts companyFacts() {
            return new CompanyFacts(company, Websites.domainOf(website), industry, employees, revenue, null);
        }
    }

    /**
     * The company sources the lead itself gives, most trusted first: the business address's domain (certain), then the
     * form at {@code formConfidence}. Providers' sources are added after these.
     */
    public List<Company.Source> leadSources(Input lead, double formConfidence) {
        List<Company.Source> sources = new ArrayList<>(2);
        if (companyDomain != null && EmailClass.BUSINESS.wireName().equals(emailClass)) {
            sources.add(new Company.Source(EMAIL_DOMAIN, 1.0, new CompanyFacts(null, companyDomain, null, null, null, null)));
        }
        sources.add(new Company.Source(FORM, formConfidence, lead.companyFacts()));
        return sources;
    }

    /** This enrichment with the company merged from every source, and how complete it is. */
    public Enrichment withCompany(Company.Merged merged, AccountMatch account, List<String> pendingProviders, int revision) {
        Map<String, String> withCompany = new LinkedHashMap<>(provenance);
        withCompany.putAll(merged.provenance());
        if (account != null) {
            withCompany.put("account", "rule:account-match");
        }
        String domain = companyDomain != null ? companyDomain : merged.company().domain();
        return new Enrichment(emailDomain, emailClass, domain, roleAccount, phone, geography, person, merged.company(),
                account, quality, Collections.unmodifiableMap(withCompany), !pendingProviders.isEmpty(), List.copyOf(pendingProviders), revision);
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
        Place place = Place.of(lead.country(), lead.state(), phone, geography);
        DataQuality quality = DataQuality.of(new DataQuality.Facts(lead.firstName(), lead.lastName(), lead.company(),
                lead.jobTitle(), emailClass.wireName(), roleAccount, phone, place.country(), person.seniority()));
        String companyDomain = emailClass == EmailClass.BUSINESS ? domain : Websites.domainOf(lead.website());
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("emailClass", "rule:email-domains");
        if (companyDomain != null) {
            provenance.put("companyDomain", emailClass == EmailClass.BUSINESS ? EMAIL_DOMAIN : FORM);
        }
        provenance.put("roleAccount", "rule:role-accounts");
        if (phone != null) {
            provenance.put("phone", "rule:libphonenumber");
        }
        if (place.country() != null) {
            provenance.put("geography.country", switch (place.source()) {
                case "form" -> FORM;
                case "phone" -> "rule:phone-country";
                default -> "rule:subdivisions";
            });
            if (place.state() != null) {
                provenance.put("geography.state", "form");
            }
            provenance.put("geography.region", "rule:geography");
            provenance.put("geography.timeZone", "rule:tz-database");
        }
        provenance.put("person", person.source());
        provenance.put("quality", "rule:data-quality");
        return new Enrichment(domain, emailClass.wireName(), companyDomain, roleAccount, phone, place, person,
                new Company(null, companyDomain, null, null, null, null), null, quality, Collections.unmodifiableMap(provenance), false, List.of(), 1);
    }
}
