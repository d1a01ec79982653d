package io.leadflow.scoring.rules;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The facts view reads any path of the LeadEnriched JSON: new fields need no code. */
class ScoringFactsTest {

    @Test
    void readsPathsAndMissingOnes() {
        ScoringFacts facts = ScoringFacts.parse(Fixtures.resource("leadflow/contracts/examples/LeadEnriched.json"));
        assertThat(facts.leadId()).isEqualTo("0193a5b0-0000-7000-8000-0000000000aa");
        assertThat(facts.get("enrichment.person.seniority").asText()).isEqualTo("vp");
        assertThat(facts.get("enrichment.phone.valid").booleanValue()).isTrue();
        assertThat(facts.get("enrichment.account.accountId").isMissingNode()).isTrue();
        assertThat(facts.get("lead.state").isNull()).isTrue();
    }

    @Test
    void refusesWhatIsNotAJsonObject() {
        assertThatThrownBy(() -> ScoringFacts.parse("[1]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScoringFacts.parse("{")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not valid JSON");
    }

    @Test
    void aLeadWithoutTheOptionalEnrichmentObjectsStillScores() {
        ScoringFacts bare = ScoringFacts.parse("""
                { "leadId": "l", "lead": { "email": "x@gmail.com" },
                  "enrichment": { "emailDomain": "gmail.com", "emailClass": "personal" } }""");
        Score s = ScoringRuleSets.defaultRuleSet().score(bare, List.of(), Instant.parse("2026-11-24T12:00:00Z"));
        assertThat(s.reasons()).extracting(FiredRule::id).containsExactly("personal-email");
        assertThat(s.total()).isZero();
        assertThat(s.grade()).isEqualTo("D4");
        assertThat(s.temperature()).isEqualTo(Temperature.COLD);
    }

    @Test
    void aLeadIsScoredAtItsLatestEventNotByTheWallClock() {
        ScoringFacts facts = ScoringFacts.parse("""
                { "leadId": "l", "lead": { "capturedAt": "2026-11-20T09:00:00Z" }, "enrichment": {} }""");
        Instant captured = Instant.parse("2026-11-20T09:00:00Z");
        assertThat(facts.scoredAt(List.of())).isEqualTo(captured);
        Instant later = captured.plusSeconds(86_400);
        List<Engagement> history = List.of(new Engagement("a", "page_view", captured.minusSeconds(60)),
                new Engagement("b", "reply", later));
        assertThat(facts.scoredAt(history)).isEqualTo(later);
        // A dry-run replays each lead at that instant, as the consumer scored it.
        assertThat(DryRun.Lead.asScored(null, facts, history).at()).isEqualTo(later);
        assertThat(DryRun.Lead.asScored(null, facts, history).leadId()).isEqualTo("l");
    }
}
