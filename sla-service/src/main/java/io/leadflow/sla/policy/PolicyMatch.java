package io.leadflow.sla.policy;

import java.util.Set;

/**
 * Which leads a policy applies to: a lead matches when, for every criterion given, its value is one of the
 * listed values (lower-case). An empty criterion matches every lead, so a policy with no criteria is a catch-all.
 * A grade criterion of one letter matches every grade with that fit letter ("a" matches A1 to A4).
 */
public record PolicyMatch(Set<String> temperature, Set<String> grade, Set<String> segment, Set<String> source,
                          Set<String> campaign, Set<String> country, Set<String> region, Set<String> team) {

    public static final PolicyMatch ANY = new PolicyMatch(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(),
            Set.of(), Set.of());

    public PolicyMatch {
        temperature = Set.copyOf(temperature);
        grade = Set.copyOf(grade);
        segment = Set.copyOf(segment);
        source = Set.copyOf(source);
        campaign = Set.copyOf(campaign);
        country = Set.copyOf(country);
        region = Set.copyOf(region);
        team = Set.copyOf(team);
    }

    public boolean isCatchAll() {
        return temperature.isEmpty() && grade.isEmpty() && segment.isEmpty() && source.isEmpty() && campaign.isEmpty()
                && country.isEmpty() && region.isEmpty() && team.isEmpty();
    }

    public boolean matches(LeadFacts lead) {
        return in(temperature, lead.temperature()) && gradeMatches(lead.grade()) && in(segment, lead.segment())
                && in(source, lead.source()) && in(campaign, lead.campaign()) && in(country, lead.country())
                && in(region, lead.region()) && in(team, lead.team());
    }

    private boolean gradeMatches(String leadGrade) {
        if (grade.isEmpty()) {
            return true;
        }
        if (leadGrade == null) {
            return false;
        }
        return grade.contains(leadGrade) || grade.contains(leadGrade.substring(0, 1));
    }

    private static boolean in(Set<String> allowed, String value) {
        return allowed.isEmpty() || value != null && allowed.contains(value);
    }
}
