package io.leadflow.scoring.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped rule set validates and scores the contracts' example lead sensibly. */
class DefaultRuleSetTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ScoringRuleSet DEFAULT = ScoringRuleSets.defaultRuleSet();

    private static ObjectNode enrichedExample() throws Exception {
        return (ObjectNode) JSON.readTree(Fixtures.resource("leadflow/contracts/examples/LeadEnriched.json"));
    }

    @Test
    void validates() {
        RuleSetParseResult result = ScoringRuleSets.parse(Fixtures.resource(ScoringRuleSets.DEFAULT_RESOURCE));
        assertThat(result.messages()).isEmpty();
        assertThat(DEFAULT.mqlThreshold()).isEqualTo(60);
        assertThat(DEFAULT.halfLife()).isEqualTo(Duration.ofDays(14));
        assertThat(DEFAULT.engagementPoints()).containsOnlyKeys(FactCatalog.ENGAGEMENT_TYPES);
    }

    @Test
    void theExampleVpOfSalesAskingForADemoIsAHotMql() throws Exception {
        ObjectNode event = enrichedExample();
        Instant at = Instant.parse(event.get("occurredAt").asText());
        Score s = DEFAULT.score(ScoringFacts.of(event), List.of(), at);

        assertThat(s.reasons()).extracting(FiredRule::id).containsExactly("vp-or-above", "buyer-department",
                "mid-market", "target-industry", "served-region", "business-email", "demo-request");
        assertThat(s.reason("vp-or-above").evidence()).containsEntry("enrichment.person.seniority", "vp");
        assertThat(s.reason("mid-market").evidence()).containsEntry("enrichment.company.employeeBand", "51-200");
        assertThat(s.reason("demo-request").evidence()).containsOnlyKeys("lead.formId")
                .containsEntry("lead.formId", "demo-request");
        int fitPoints = points(s, Dimension.FIT);
        assertThat(fitPoints).isGreaterThan(DEFAULT.cap(Dimension.FIT));
        assertThat(s.fit()).isEqualTo(DEFAULT.cap(Dimension.FIT));
        assertThat(s.intent()).isEqualTo(points(s, Dimension.INTENT));
        assertThat(s.engagement()).isZero();
        assertThat(s.total()).isEqualTo(s.fit() + s.intent());
        assertThat(s.grade()).isEqualTo("A4"); // ideal fit, no engagement yet
        assertThat(s.temperature()).isEqualTo(Temperature.HOT);
        assertThat(s.mql()).isTrue();
        assertThat(s.ruleSetVersion()).isEqualTo("default-2");
    }

    @Test
    void theExampleEngagementsAddPricingIntentAndDecayedEngagement() throws Exception {
        var engaged = JSON.readTree(Fixtures.resource("leadflow/contracts/examples/LeadEngaged.json"));
        List<Engagement> engagements = Engagement.fromLeadEngaged(engaged);
        Instant at = Instant.parse(engaged.get("occurredAt").asText());
        Score s = DEFAULT.score(ScoringFacts.of(enrichedExample()), engagements, at);

        assertThat(s.reasons()).extracting(FiredRule::id).contains("demo-request", "pricing-page",
                "engagement:page_view", "engagement:pricing_page_visit").doesNotContain("pricing-page-repeat");
        assertThat(s.reason("pricing-page").evidence()).containsEntry("engagement.count.pricing_page_visit", 1.0);
        double expected = 0;
        for (Engagement e : engagements) {
            double age = Duration.between(e.occurredAt(), at).toMillis() / (double) Duration.ofDays(14).toMillis();
            expected += DEFAULT.engagementPoints().get(e.type()) * Math.pow(0.5, age);
        }
        assertThat(s.engagement()).isEqualTo((int) Math.round(expected));
        assertThat(s.intent()).isEqualTo(Math.min(points(s, Dimension.INTENT), DEFAULT.cap(Dimension.INTENT)));
        assertThat(s.grade()).isEqualTo("A3");
        assertThat(s.total()).isEqualTo(Math.min(100, s.fit() + s.intent() + s.engagement()));
    }

    @Test
    void negativesPullAStudentWithAThrowAwayAddressDown() throws Exception {
        ObjectNode event = enrichedExample();
        ((ObjectNode) event.path("enrichment").path("person")).put("seniority", "student");
        ((ObjectNode) event.path("enrichment")).put("emailClass", "disposable").put("roleAccount", true);
        Score s = DEFAULT.score(ScoringFacts.of(event), List.of(), Instant.parse(event.get("occurredAt").asText()));
        assertThat(s.reasons()).extracting(FiredRule::id).contains("student", "disposable-email", "role-account")
                .doesNotContain("vp-or-above", "business-email");
        assertThat(s.fit()).isZero();
        assertThat(s.grade()).startsWith("D");
        assertThat(s.mql()).isFalse();
    }

    @Test
    void doNotContactIsNeverAnMql() throws Exception {
        ObjectNode event = enrichedExample();
        ((ObjectNode) event.path("lead")).put("doNotContact", true);
        Score s = DEFAULT.score(ScoringFacts.of(event), List.of(), Instant.parse(event.get("occurredAt").asText()));
        assertThat(s.reason("do-not-contact").evidence()).containsEntry("lead.doNotContact", true);
        assertThat(s.disqualified()).isTrue();
        assertThat(s.temperature()).isEqualTo(Temperature.COLD);
        assertThat(s.mql()).isFalse();
    }

    private static int points(Score s, Dimension d) {
        return (int) s.reasons().stream().filter(r -> r.dimension() == d).mapToDouble(FiredRule::points).sum();
    }
}
