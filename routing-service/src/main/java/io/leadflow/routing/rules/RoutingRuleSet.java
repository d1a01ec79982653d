package io.leadflow.routing.rules;

import io.leadflow.rules.JsonPaths;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A validated, compiled routing rule set (see the package documentation for the JSON format). Immutable and
 * thread-safe; build one with {@link RoutingRules#parse(String)}.
 */
public final class RoutingRuleSet {

    private static final String[] ACCOUNT_ID = JsonPaths.segments("enrichment.account.accountId");
    private static final String[] OWNER_ID = JsonPaths.segments("enrichment.account.ownerId");

    private final String version;
    private final String description;
    private final List<RoutingRule> rules;
    private final String catchAll;
    private final Experiment experiment;
    private final String[][] paths; // by slot: every distinct field the rules read

    RoutingRuleSet(String version, String description, List<RoutingRule> rules, String catchAll, Experiment experiment,
                   String[][] paths) {
        this.version = version;
        this.description = description;
        this.rules = List.copyOf(rules);
        this.catchAll = catchAll;
        this.experiment = experiment;
        this.paths = paths;
    }

    /**
     * Decides where a lead goes: the experiment (if any) picks the variant by the lead id, then the variant's rules
     * are tried in order and the first whose condition holds gives the route; none: the catch-all pool.
     */
    public RuleDecision decide(RoutingFacts facts) {
        Objects.requireNonNull(facts, "facts");
        List<RoutingRule> candidates = rules;
        Variant variant = Variant.A;
        Integer bucket = null;
        if (experiment != null && facts.leadId() != null) {
            bucket = Experiment.bucket(experiment.id(), facts.leadId());
            if (bucket < experiment.shareB()) {
                variant = Variant.B;
                candidates = experiment.rules();
            }
        }
        String experimentId = experiment == null ? null : experiment.id();
        RoutingContext ctx = new RoutingContext(facts, paths);
        for (int i = 0, n = candidates.size(); i < n; i++) {
            RoutingRule rule = candidates.get(i);
            if (rule.when.test(ctx, ctx.evidence)) {
                return new RuleDecision(version, experimentId, variant, bucket, rule.id(), resolve(rule.route(), facts),
                        Collections.unmodifiableMap(ctx.evidence.snapshot()));
            }
            ctx.evidence.reset(0);
        }
        return new RuleDecision(version, experimentId, variant, bucket, RoutingRules.CATCH_ALL, new Route.Pool(catchAll),
                Map.of());
    }

    private static Route resolve(Route route, RoutingFacts facts) {
        return route instanceof Route.AccountOwner owner ? owner.of(facts.text(ACCOUNT_ID), facts.text(OWNER_ID)) : route;
    }

    public String version() {
        return version;
    }

    public String description() {
        return description;
    }

    /** Variant A's rules: the rule set's own, in order. */
    public List<RoutingRule> rules() {
        return rules;
    }

    /** The pool of the leads no rule matched. */
    public String catchAll() {
        return catchAll;
    }

    public Optional<Experiment> experiment() {
        return Optional.ofNullable(experiment);
    }

    /** Every pool the rule set may route to: rules of both variants, account-owner fallbacks, the catch-all. */
    public Set<String> pools() {
        Set<String> pools = new LinkedHashSet<>();
        for (RoutingRule rule : allRules()) {
            if (rule.route() instanceof Route.Pool p) {
                pools.add(p.pool());
            } else if (rule.route() instanceof Route.AccountOwner o && o.elsePool() != null) {
                pools.add(o.elsePool());
            }
        }
        pools.add(catchAll);
        return pools;
    }

    /** Every SDR the rule set names (rules of both variants). */
    public Set<String> sdrs() {
        Set<String> sdrs = new LinkedHashSet<>();
        for (RoutingRule rule : allRules()) {
            if (rule.route() instanceof Route.Sdr s) {
                sdrs.add(s.sdr());
            }
        }
        return sdrs;
    }

    private List<RoutingRule> allRules() {
        if (experiment == null) {
            return rules;
        }
        return Stream.concat(rules.stream(), experiment.rules().stream()).toList();
    }

    @Override
    public String toString() {
        return "RoutingRuleSet " + version + " (" + rules.size() + " rules"
                + (experiment == null ? "" : ", experiment " + experiment.id() + " " + experiment.shareB() + "% B")
                + ", catch-all " + catchAll + ")";
    }
}
