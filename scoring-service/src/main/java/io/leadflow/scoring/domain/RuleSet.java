package io.leadflow.scoring.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The default fit + intent rule set: each rule adds (or removes) points and says why; the sum is
 * clamped to 0-100 and graded A (>= 70), B (>= 50), C (>= 30) or D. Pure logic.
 */
public final class RuleSet {

    // Title words, English and French, matched on whole words of the accent-free, lower-cased title.
    private static final Pattern SENIOR = Pattern.compile(
            "\\b(chief|c[etfmor]o|founder|co-founder|owner|president|vp|svp|evp|vice president|head|director|"
                    + "directeur|directrice|pdg|dg|gerant|partner)\\b");
    private static final Pattern MANAGER = Pattern.compile("\\b(manager|responsable|lead|chef|supervisor)\\b");
    private static final Pattern STUDENT = Pattern.compile("\\b(student|intern|etudiant|etudiante|stagiaire|apprenti)\\b");

    private final String version;
    private final Map<String, Integer> points;
    private final Set<String> targetCountries;
    private final Set<String> intentForms;

    public RuleSet(String version, Map<String, Integer> points, Set<String> targetCountries, Set<String> intentForms) {
        this.version = version;
        this.points = Map.copyOf(points);
        this.targetCountries = Set.copyOf(targetCountries);
        this.intentForms = Set.copyOf(intentForms);
    }

    public ScoreCard score(LeadFacts lead) {
        List<Reason> reasons = new ArrayList<>();
        if ("business".equals(lead.emailClass())) {
            fire(reasons, "business-email", lead.emailDomain());
        } else if ("disposable".equals(lead.emailClass())) {
            fire(reasons, "disposable-email", lead.emailDomain());
        }
        String title = plain(lead.jobTitle());
        if (STUDENT.matcher(title).find()) {
            fire(reasons, "student", lead.jobTitle());
        } else if (SENIOR.matcher(title).find()) {
            fire(reasons, "senior-title", lead.jobTitle());
        } else if (MANAGER.matcher(title).find()) {
            fire(reasons, "manager-title", lead.jobTitle());
        }
        if (present(lead.company())) {
            fire(reasons, "company-given", lead.company());
        }
        if (present(lead.phone())) {
            fire(reasons, "phone-given", null);
        }
        if (lead.country() != null && targetCountries.contains(lead.country())) {
            fire(reasons, "target-country", lead.country());
        }
        if (lead.formId() != null && intentForms.contains(lead.formId())) {
            fire(reasons, "demo-request", lead.formId());
        }
        if (present(lead.message())) {
            fire(reasons, "message", null);
        }
        int total = reasons.stream().mapToInt(Reason::points).sum();
        int value = Math.max(0, Math.min(100, total));
        return new ScoreCard(value, grade(value), version, List.copyOf(reasons));
    }

    static String grade(int value) {
        return value >= 70 ? "A" : value >= 50 ? "B" : value >= 30 ? "C" : "D";
    }

    private void fire(List<Reason> reasons, String rule, String evidence) {
        Integer p = points.get(rule);
        if (p != null && p != 0) {
            reasons.add(new Reason(rule, p, evidence));
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String plain(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
