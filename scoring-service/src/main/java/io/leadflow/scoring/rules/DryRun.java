package io.leadflow.scoring.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What activating a draft rule set would change, computed over sample leads before it goes live:
 * grade and temperature distributions under each rule set and the leads that would cross the MQL
 * threshold either way. Pure: the caller loads the leads.
 */
public final class DryRun {

    private DryRun() {
    }

    /**
     * A lead to replay: its facts, its (de-duplicated) engagements and the instant to score it at ({@code null}: the
     * report's instant).
     */
    public record Lead(String leadId, ScoringFacts facts, List<Engagement> engagements, Instant at) {
        public Lead {
            Objects.requireNonNull(facts, "facts");
            engagements = engagements == null ? List.of() : List.copyOf(engagements);
            leadId = leadId != null ? leadId : facts.leadId();
        }

        public Lead(String leadId, ScoringFacts facts, List<Engagement> engagements) {
            this(leadId, facts, engagements, null);
        }

        /** A lead as the service scored it: at its own event time (see {@link ScoringFacts#scoredAt}). */
        public static Lead asScored(String leadId, ScoringFacts facts, List<Engagement> engagements) {
            return new Lead(leadId, facts, engagements, facts.scoredAt(engagements == null ? List.of() : engagements));
        }
    }

    /** How many leads got each grade and temperature, and how many were MQLs. */
    public record Distribution(String ruleSetVersion, Map<String, Integer> grades, Map<Temperature, Integer> temperatures,
                               int mqls) {
    }

    /** A lead whose MQL status differs between the two rule sets. */
    public record Crossing(String leadId, Score active, Score draft) {
    }

    /**
     * The comparison.
     *
     * @param crossedAbove leads at or above the draft's threshold that are below the active one's
     * @param fellBelow    leads that are MQLs today and would not be under the draft
     */
    public record Report(int leads, Distribution active, Distribution draft, List<Crossing> crossedAbove,
                         List<Crossing> fellBelow) {
    }

    /**
     * Scores every lead under both rule sets as of its own instant, else {@code at} (the same instant for both: only
     * the rules differ).
     */
    public static Report compare(ScoringRuleSet active, ScoringRuleSet draft, List<Lead> leads, Instant at) {
        Tally a = new Tally(active.version());
        Tally d = new Tally(draft.version());
        List<Crossing> above = new ArrayList<>();
        List<Crossing> below = new ArrayList<>();
        for (Lead lead : leads) {
            Instant when = lead.at() != null ? lead.at() : at;
            Score before = active.score(lead.facts(), lead.engagements(), when);
            Score after = draft.score(lead.facts(), lead.engagements(), when);
            a.add(before);
            d.add(after);
            if (!before.mql() && after.mql()) {
                above.add(new Crossing(lead.leadId(), before, after));
            } else if (before.mql() && !after.mql()) {
                below.add(new Crossing(lead.leadId(), before, after));
            }
        }
        return new Report(leads.size(), a.distribution(), d.distribution(), List.copyOf(above), List.copyOf(below));
    }

    private static final class Tally {
        final String version;
        final Map<String, Integer> grades = new TreeMap<>();
        final Map<Temperature, Integer> temperatures = new EnumMap<>(Temperature.class);
        int mqls;

        Tally(String version) {
            this.version = version;
            for (Temperature t : Temperature.values()) {
                temperatures.put(t, 0);
            }
        }

        void add(Score s) {
            grades.merge(s.grade(), 1, Integer::sum);
            temperatures.merge(s.temperature(), 1, Integer::sum);
            mqls += s.mql() ? 1 : 0;
        }

        Distribution distribution() {
            return new Distribution(version, Collections.unmodifiableMap(new TreeMap<>(grades)),
                    Collections.unmodifiableMap(new EnumMap<>(temperatures)), mqls);
        }
    }
}
