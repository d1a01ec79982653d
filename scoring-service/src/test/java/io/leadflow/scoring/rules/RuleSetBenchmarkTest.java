package io.leadflow.scoring.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** How long scoring one lead with the default rule set takes. Off by default: {@code -Dleadflow.benchmark=true}. */
@EnabledIfSystemProperty(named = "leadflow.benchmark", matches = "true")
class RuleSetBenchmarkTest {

    @Test
    void scoringOneLeadTakesMicroseconds() {
        ScoringRuleSet rules = ScoringRuleSets.defaultRuleSet();
        ScoringFacts facts = ScoringFacts.parse(Fixtures.resource("leadflow/contracts/examples/LeadEnriched.json"));
        Instant at = Instant.parse("2026-11-24T12:00:00Z");
        List<Engagement> engagements = new ArrayList<>();
        for (int i = 0; i < 20; i++) { // a busy lead: 20 engagements of mixed types over 40 days
            engagements.add(new Engagement("e" + i, FactCatalog.ENGAGEMENT_TYPES.get(i % 7), at.minus(Duration.ofDays(2L * i))));
        }
        long sink = 0;
        for (int i = 0; i < 200_000; i++) { // warm-up
            sink += rules.score(facts, engagements, at).total();
        }
        long[] nanos = new long[100_000];
        for (int i = 0; i < nanos.length; i++) {
            long t0 = System.nanoTime();
            sink += rules.score(facts, engagements, at).total();
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        double p50 = nanos[nanos.length / 2] / 1000.0;
        double p99 = nanos[nanos.length * 99 / 100] / 1000.0;
        System.out.printf(Locale.ROOT, "rule set %s, %d rules, 20 engagements: p50 %.2f us, p99 %.2f us (sink %d)%n",
                rules.version(), rules.rules().size(), p50, p99, sink);
        assertThat(p50).isLessThan(100);
    }
}
