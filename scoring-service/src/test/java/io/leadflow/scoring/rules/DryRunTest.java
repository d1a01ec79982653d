package io.leadflow.scoring.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Comparing a draft with the active rule set over sample leads. */
class DryRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2026-11-24T12:00:00Z");

    private static DryRun.Lead lead(String id, String seniority, String formId) throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree(Fixtures.resource("leadflow/contracts/examples/LeadEnriched.json"));
        event.put("leadId", id);
        ((ObjectNode) event.path("enrichment").path("person")).put("seniority", seniority);
        ((ObjectNode) event.path("lead")).put("formId", formId);
        return new DryRun.Lead(null, ScoringFacts.of(event), List.of());
    }

    @Test
    void findsTheLeadsThatWouldCrossTheThresholdEitherWay() throws Exception {
        String defaultJson = Fixtures.resource(ScoringRuleSets.DEFAULT_RESOURCE);
        ScoringRuleSet active = ScoringRuleSets.parse(defaultJson).orElseThrow();
        // the draft: contact-sales is worth as much as a demo request, and the MQL bar goes up to 75
        ScoringRuleSet draft = ScoringRuleSets.parse(defaultJson
                .replace("\"version\": \"default-2\"", "\"version\": \"draft-2\"")
                .replace("\"mqlThreshold\": 60", "\"mqlThreshold\": 75")
                .replace("\"id\": \"contact-sales\", \"dimension\": \"intent\", \"points\": 20",
                        "\"id\": \"contact-sales\", \"dimension\": \"intent\", \"points\": 30")).orElseThrow();
        List<DryRun.Lead> leads = List.of(
                lead("vp-demo", "vp", "demo-request"),        // 50 + 25 = 75 under both: MQL under both
                lead("manager-demo", "manager", "demo-request"), // fit 44 + 25 = 69: MQL today, not under the draft
                lead("vp-newsletter", "vp", "newsletter"),    // 50: never
                lead("vp-contact", "vp", "contact-sales"));   // 70 today, 80 in the draft: MQL under both

        DryRun.Report report = DryRun.compare(active, draft, leads, AT);

        assertThat(leads).extracting(l -> active.score(l.facts(), l.engagements(), AT).mql())
                .containsExactly(true, true, false, true);
        assertThat(leads).extracting(l -> draft.score(l.facts(), l.engagements(), AT).mql())
                .containsExactly(true, false, false, true);
        assertThat(report.leads()).isEqualTo(4);
        assertThat(report.fellBelow()).extracting(DryRun.Crossing::leadId).containsExactly("manager-demo");
        assertThat(report.crossedAbove()).isEmpty();
        assertThat(report.active().ruleSetVersion()).isEqualTo("default-2");
        assertThat(report.draft().ruleSetVersion()).isEqualTo("draft-2");
        assertThat(report.active().mqls()).isEqualTo(3);
        assertThat(report.draft().mqls()).isEqualTo(2);
        assertThat(report.active().temperatures().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(4);
        assertThat(report.active().grades()).containsEntry("A4", 4);
        DryRun.Crossing fell = report.fellBelow().get(0);
        assertThat(fell.active().total()).isEqualTo(fell.draft().total()).isBetween(60, 74);

        DryRun.Report back = DryRun.compare(draft, active, leads, AT); // rolling back: the mirror image
        assertThat(back.crossedAbove()).extracting(DryRun.Crossing::leadId).containsExactly("manager-demo");
        assertThat(back.fellBelow()).isEmpty();
    }
}
