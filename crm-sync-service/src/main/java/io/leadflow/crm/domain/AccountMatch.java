package io.leadflow.crm.domain;

import java.util.Locale;

/**
 * Which account a qualified lead belongs to. The key is the company's domain: the domain enrichment
 * found, else the e-mail address's domain when it is a business address (a gmail.com domain says
 * nothing about the company). Without a domain, the lead's account is reached through its contact.
 * Pure logic.
 *
 * @param domain the account's domain, normalised; null when the lead gives none
 * @param name   the name of an account created for this lead: the company, else the domain, else the person
 */
public record AccountMatch(String domain, String name) {

    public static final String BUSINESS = "business";

    public static AccountMatch of(String company, String email, String firstName, String lastName,
                                  String emailDomain, String emailClass, String companyDomain) {
        String domain = normalise(companyDomain);
        if (domain == null && BUSINESS.equals(emailClass)) {
            domain = normalise(emailDomain != null ? emailDomain : domainOf(email));
        }
        return new AccountMatch(domain, nameFor(company, domain, firstName, lastName, email));
    }

    /** "Acme Robotics - new business": named after the company the lead gave, else the account. */
    public static String opportunityName(String company, String accountName) {
        String subject = blank(company) ? accountName : company.trim();
        return subject + " - new business";
    }

    private static String nameFor(String company, String domain, String firstName, String lastName, String email) {
        if (!blank(company)) {
            return company.trim();
        }
        if (domain != null) {
            return domain;
        }
        String person = ((blank(firstName) ? "" : firstName.trim()) + " " + (blank(lastName) ? "" : lastName.trim())).trim();
        return person.isEmpty() ? email.trim().toLowerCase(Locale.ROOT) : person;
    }

    static String normalise(String domain) {
        if (blank(domain)) {
            return null;
        }
        String d = domain.trim().toLowerCase(Locale.ROOT);
        if (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        if (d.startsWith("www.")) {
            d = d.substring(4);
        }
        return d.isEmpty() ? null : d;
    }

    private static String domainOf(String email) {
        int at = email == null ? -1 : email.lastIndexOf('@');
        return at < 0 ? null : email.substring(at + 1);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
