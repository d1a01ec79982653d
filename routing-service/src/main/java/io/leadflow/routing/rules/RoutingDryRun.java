package io.leadflow.routing.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What activating a draft routing rule set would change, computed over sample leads before it goes live: how many
 * leads each route, rule and variant would get under the active rule set and under the draft, and the leads whose
 * route would change. Pure: the caller loads the leads and the roster.
 */
public final class RoutingDryRun {

    private RoutingDryRun() {
    }

    /** How one rule set decided one lead, as the report shows it. */
    public record Outcome(Variant variant, String rule, String route, Map<String, Object> evidence) {

        static Outcome of(RuleDecision d) {
            return new Outcome(d.variant(), d.ruleId(), d.route().label(), d.evidence());
        }
    }

    /**
     * How many leads went where under one rule set.
     *
     * @param routes   by route label ({@code pool:x}, {@code sdr:y}, {@code accountOwner:z else owner-pool})
     * @param rules    by rule id ({@code catch-all} for none), variant B's prefixed {@code B:}
     * @param variants by variant
     */
    public record Tally(String ruleSetVersion, Map<String, Integer> routes, Map<String, Integer> rules,
                        Map<Variant, Integer> variants) {
    }

    /** A lead whose route differs between the two rule sets. */
    public record Change(String leadId, Outcome active, Outcome draft) {
    }

    /**
     * The comparison.
     *
     * @param leads        how many leads were replayed
     * @param changed      the leads whose route would change, in sample order
     * @param unknownPools pools the draft routes to that the roster does not have (yet)
     * @param unknownSdrs  SDRs the draft names that the roster does not have (yet)
     */
    public record Report(int leads, Tally active, Tally draft, List<Change> changed, List<String> unknownPools,
                         List<String> unknownSdrs) {
    }

    /**
     * Decides every lead under both rule sets.
     *
     * @param knownPools the roster's pools, to name the draft's routes to nowhere
     * @param knownSdrs  the roster's SDRs
     */
    public static Report compare(RoutingRuleSet active, RoutingRuleSet draft, List<RoutingFacts> leads,
                                 Collection<String> knownPools, Collection<String> knownSdrs) {
        Counter a = new Counter(active.version());
        Counter d = new Counter(draft.version());
        List<Change> changed = new ArrayList<>();
        for (RoutingFacts lead : leads) {
            RuleDecision before = active.decide(lead);
            RuleDecision after = draft.decide(lead);
            a.add(before);
            d.add(after);
            if (!Objects.equals(before.route(), after.route())) {
                changed.add(new Change(lead.leadId(), Outcome.of(before), Outcome.of(after)));
            }
        }
        List<String> unknownPools = draft.pools().stream().filter(p -> !knownPools.contains(p)).toList();
        List<String> unknownSdrs = draft.sdrs().stream().filter(s -> !knownSdrs.contains(s)).toList();
        return new Report(leads.size(), a.tally(), d.tally(), List.copyOf(changed), unknownPools, unknownSdrs);
    }

    private static final class Counter {
        final String version;
        final Map<String, Integer> routes = new TreeMap<>();
        final Map<String, Integer> rules = new TreeMap<>();
        final Map<Variant, Integer> variants = new TreeMap<>();

        Counter(String version) {
            this.version = version;
        }

        void add(RuleDecision decision) {
            routes.merge(decision.route().label(), 1, Integer::sum);
            rules.merge((decision.variant() == Variant.B ? "B:" : "") + decision.ruleId(), 1, Integer::sum);
            variants.merge(decision.variant(), 1, Integer::sum);
        }

        Tally tally() {
            return new Tally(version, Collections.unmodifiableMap(routes), Collections.unmodifiableMap(rules),
                    Collections.unmodifiableMap(variants));
        }
    }
}
