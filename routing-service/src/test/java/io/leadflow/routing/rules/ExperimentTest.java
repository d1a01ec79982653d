package io.leadflow.routing.rules;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.UUID;

import static io.leadflow.routing.rules.RuleSetFixtures.compile;
import static io.leadflow.routing.rules.RuleSetFixtures.leaf;
import static io.leadflow.routing.rules.RuleSetFixtures.lead;
import static io.leadflow.routing.rules.RuleSetFixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;

/** A/B tests: a stable, documented split by lead id, the variant recorded with the decision. */
class ExperimentTest {

    private static final String OWNED = leaf("enrichment.account.ownerId", "exists", null);

    private static RoutingRuleSet split(int shareB) {
        return compile("""
                { "version": "ab-1", "catchAll": { "pool": "catch-all" },
                  "rules": [ %s ],
                  "experiment": { "id": "owner-vs-pool", "shareB": %d, "rules": [ %s ] } }"""
                .formatted(rule("named-account", OWNED, "{ \"accountOwner\": { \"else\": \"owner-pool\" } }"), shareB,
                        rule("named-account", OWNED, "{ \"pool\": \"enterprise-na\" }")));
    }

    @Test
    void theBucketIsTheDocumentedHashAndNeverChanges() {
        // Expected values computed independently: int.from_bytes(sha256(f"{experiment}:{lead}".encode())[:4], "big") % 100
        assertThat(Experiment.bucket("owner-vs-pool", "0193a5b0-0000-7000-8000-0000000000aa")).isEqualTo(99);
        assertThat(Experiment.bucket("owner-vs-pool", "00000000-0000-0000-0000-000000000001")).isEqualTo(76);
        assertThat(Experiment.bucket("owner-vs-pool", "7f3c2a10-5b6e-4d8f-9a1b-2c3d4e5f6a7b")).isEqualTo(57);
        assertThat(Experiment.bucket("owner-vs-pool", "lead-3")).isEqualTo(7);
        assertThat(Experiment.bucket("other-test", "0193a5b0-0000-7000-8000-0000000000aa")).isEqualTo(17);
    }

    @Test
    void aboutHalfOfTenThousandLeadsGoToEachVariantAndEachLeadAlwaysToTheSameOne() {
        RoutingRuleSet rules = split(50);
        Random random = new Random(42);
        int b = 0;
        int sameInOtherExperiment = 0;
        for (int i = 0; i < 10_000; i++) {
            String leadId = new UUID(random.nextLong(), random.nextLong()).toString();
            RuleDecision decision = rules.decide(lead(leadId));
            assertThat(rules.decide(lead(leadId)).variant()).isEqualTo(decision.variant());
            assertThat(decision.bucket()).isBetween(0, 99);
            assertThat(decision.variant()).isEqualTo(decision.bucket() < 50 ? Variant.B : Variant.A);
            b += decision.variant() == Variant.B ? 1 : 0;
            boolean bHere = decision.bucket() < 50;
            boolean bThere = Experiment.bucket("another-experiment", leadId) < 50;
            sameInOtherExperiment += bHere == bThere ? 1 : 0;
        }
        // Binomial(10000, 0.5): sd 50, so 4,800-5,200 is 4 sd either way.
        assertThat(b).isBetween(4_800, 5_200);
        // Two experiments split independently: a lead is on the same side in both about half the time.
        assertThat(sameInOtherExperiment).isBetween(4_800, 5_200);
    }

    @Test
    void theShareIsRespected() {
        Random random = new Random(7);
        int b = 0;
        RoutingRuleSet rules = split(20);
        for (int i = 0; i < 10_000; i++) {
            b += rules.decide(lead(new UUID(random.nextLong(), random.nextLong()).toString())).variant() == Variant.B ? 1 : 0;
        }
        assertThat(b).isBetween(1_840, 2_160); // Binomial(10000, 0.2): sd 40
        assertThat(split(0).decide(lead()).variant()).isEqualTo(Variant.A);
        assertThat(split(100).decide(lead()).variant()).isEqualTo(Variant.B);
    }

    @Test
    void eachVariantDecidesWithItsOwnRulesAndTheVariantIsRecorded() {
        RoutingRuleSet rules = split(50);
        RuleDecision a = rules.decide(lead("lead-2")); // bucket 79: A
        assertThat(a.variant()).isEqualTo(Variant.A);
        assertThat(a.experimentId()).isEqualTo("owner-vs-pool");
        assertThat(a.bucket()).isEqualTo(79);
        assertThat(a.route()).isEqualTo(new Route.AccountOwner("acc-42", "sdr-9", null));
        RuleDecision b = rules.decide(lead("lead-3")); // bucket 7: B
        assertThat(b.variant()).isEqualTo(Variant.B);
        assertThat(b.ruleId()).isEqualTo("named-account");
        assertThat(b.route()).isEqualTo(new Route.Pool("enterprise-na"));
        assertThat(b.evidence()).containsEntry("enrichment.account.ownerId", "sdr-9");
    }

    @Test
    void aLeadWithoutAnIdIsVariantA() {
        RuleDecision decision = split(100).decide(RoutingFacts.of(null, lead().json().get("lead"),
                lead().json().get("enrichment"), lead().json().get("score"), null));
        assertThat(decision.variant()).isEqualTo(Variant.A);
        assertThat(decision.bucket()).isNull();
        assertThat(decision.experimentId()).isEqualTo("owner-vs-pool");
    }
}
