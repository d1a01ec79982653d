package io.leadflow.routing.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static io.leadflow.routing.rules.RuleSetFixtures.leaf;
import static io.leadflow.routing.rules.RuleSetFixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;

/** How long deciding one lead with 200 rules takes. Off by default: {@code -Dleadflow.benchmark=true}. */
@EnabledIfSystemProperty(named = "leadflow.benchmark", matches = "true")
class RoutingRulesBenchmarkTest {

    static final int RULES = 200;

    /** 199 rules of mixed shapes the lead does not match, then one it does. */
    static String rules(String experiment) {
        String[] regions = {"EMEA", "APAC", "LATAM"};
        List<String> rules = new ArrayList<>();
        for (int i = 0; i < RULES - 1; i++) {
            String when = switch (i % 5) {
                case 0 -> "{ \"all\": [ " + leaf("enrichment.geography.region", "eq", "\"" + regions[i % 3] + "\"") + ", "
                        + leaf("enrichment.company.employeeBand", "in", "[\"1001-5000\", \"5001-10000\", \"10000+\"]") + " ] }";
                case 1 -> leaf("lead.country", "in", "[\"FR\", \"DE\", \"ES\", \"IT\", \"NL\", \"C" + i + "\"]");
                case 2 -> "{ \"any\": [ " + leaf("score.value", "gte", "95") + ", "
                        + leaf("lead.campaign", "contains", "\"spring-" + i + "\"") + " ] }";
                case 3 -> "{ \"all\": [ " + leaf("score.grade", "in", "[\"A1\", \"A2\"]") + ", "
                        + leaf("enrichment.company.industry", "eq", "\"education\"") + " ] }";
                default -> "{ \"not\": " + leaf("score.temperature", "in", "[\"hot\", \"warm\"]") + " }";
            };
            rules.add(rule("r" + i, when, i % 2 == 0 ? "{ \"pool\": \"pool-" + i + "\" }" : "{ \"sdr\": \"sdr-" + i + "\" }"));
        }
        rules.add(rule("enterprise-na", "{ \"all\": [ " + leaf("enrichment.geography.region", "eq", "\"NA\"") + ", "
                + leaf("enrichment.account.ownerId", "exists", null) + " ] }", "{ \"accountOwner\": { \"else\": \"owner-pool\" } }"));
        return "{ \"version\": \"bench\", \"catchAll\": { \"pool\": \"catch-all\" }, \"rules\": [ " + String.join(", ", rules)
                + " ]" + experiment + " }";
    }

    private static double[] measure(RoutingRuleSet rules, RoutingFacts facts) {
        long sink = 0;
        for (int i = 0; i < 200_000; i++) { // warm-up
            sink += rules.decide(facts).ruleId().length();
        }
        long[] nanos = new long[100_000];
        for (int i = 0; i < nanos.length; i++) {
            long t0 = System.nanoTime();
            sink += rules.decide(facts).ruleId().length();
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        assertThat(sink).isPositive();
        return new double[] {nanos[nanos.length / 2] / 1000.0, nanos[nanos.length * 99 / 100] / 1000.0};
    }

    @Test
    void decidingOneLeadWith200RulesTakesMicroseconds() {
        RoutingRuleSet rules = RoutingRules.parse(rules("")).orElseThrow();
        assertThat(rules.decide(RuleSetFixtures.lead()).ruleId()).isEqualTo("enterprise-na");
        double[] last = measure(rules, RuleSetFixtures.lead());
        RoutingRuleSet ab = RoutingRules.parse(rules(", \"experiment\": { \"id\": \"e\", \"shareB\": 0, \"rules\": [] }"))
                .orElseThrow();
        double[] withExperiment = measure(ab, RuleSetFixtures.lead());
        System.out.printf(Locale.ROOT, "routing rules, %d rules, the last one matching: p50 %.2f us, p99 %.2f us; "
                + "with an experiment (SHA-256 split): p50 %.2f us, p99 %.2f us%n", RULES, last[0], last[1],
                withExperiment[0], withExperiment[1]);
        assertThat(last[0]).isLessThan(50);
    }
}
