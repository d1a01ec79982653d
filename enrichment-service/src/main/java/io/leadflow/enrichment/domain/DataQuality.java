package io.leadflow.enrichment.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * How much an SDR can trust and use a lead's data: a 0-100 score and the issues found, each with its weight, so RevOps
 * sees why a lead scores 55 and not 100. Issues are about reaching and qualifying the person, not about fit (that is
 * scoring's job): a missing or invalid phone, a throw-away or shared address, no name, no title, no company, no place.
 */
public record DataQuality(int score, List<Issue> issues) {

    /** One problem found: a stable code, the points it costs and a sentence for people. */
    public record Issue(String code, int points, String detail) {
    }

    /** What the score is computed from: the lead as captured and what enrichment derived. */
    public record Facts(String firstName, String lastName, String company, String jobTitle, String emailClass,
                        boolean roleAccount, PhoneFacts phone, String country, String seniority) {
    }

    public static DataQuality of(Facts f) {
        List<Issue> issues = new ArrayList<>();
        if ("disposable".equals(f.emailClass())) {
            issues.add(new Issue("disposable-email", 40, "the address is a throw-away one: it will not be read for long"));
        } else if ("personal".equals(f.emailClass())) {
            issues.add(new Issue("personal-email", 10, "a personal webmail address: the company is not known from it"));
        }
        if (f.roleAccount()) {
            issues.add(new Issue("role-account", 15, "a shared address (info@, sales@): nobody in particular answers"));
        }
        if (f.phone() == null) {
            issues.add(new Issue("no-phone", 15, "no phone number: e-mail only"));
        } else if (!f.phone().valid()) {
            issues.add(new Issue("invalid-phone", 20, "the phone number fits no numbering plan"));
        }
        if (blank(f.firstName()) && blank(f.lastName())) {
            issues.add(new Issue("no-name", 10, "no first or last name"));
        }
        if (blank(f.company())) {
            issues.add(new Issue("no-company", 10, "no company name"));
        }
        if (blank(f.jobTitle())) {
            issues.add(new Issue("no-job-title", 10, "no job title: seniority and department unknown"));
        } else if ("unknown".equals(f.seniority())) {
            issues.add(new Issue("unread-job-title", 5, "the job title says nothing the rules recognise"));
        }
        if (blank(f.country()) && (f.phone() == null || f.phone().country() == null)) {
            issues.add(new Issue("no-country", 10, "no country, from the form or the phone: region and time zone unknown"));
        }
        int score = Math.max(0, 100 - issues.stream().mapToInt(Issue::points).sum());
        return new DataQuality(score, List.copyOf(issues));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
