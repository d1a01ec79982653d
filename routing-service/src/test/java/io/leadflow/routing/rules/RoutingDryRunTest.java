package io.leadflow.routing.rules;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.leadflow.routing.rules.RuleSetFixtures.compile;
import static io.leadflow.routing.rules.RuleSetFixtures.leaf;
import static io.leadflow.routing.rules.RuleSetFixtures.leadJson;
import static io.leadflow.routing.rules.RuleSetFixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;

/** A draft against the active rule set over sample leads: where each would send them, and who changes route. */
class RoutingDryRunTest {

    @Test
    void talliesBothRuleSetsAndListsTheLeadsThatChangeRoute() {
        RoutingFacts na = RoutingFacts.of(leadJson().put("leadId", "na-lead"));
        ObjectNode emeaJson = leadJson().put("leadId", "emea-lead");
        ((ObjectNode) emeaJson.at("/enrichment/geography")).put("region", "EMEA");
        ((ObjectNode) emeaJson.get("enrichment")).remove("account");
        RoutingFacts emea = RoutingFacts.of(emeaJson);

        RoutingRuleSet active = RoutingRules.defaultRuleSet();
        RoutingRuleSet draft = compile("""
                { "version": "draft-2", "catchAll": { "pool": "default" }, "rules": [ %s, %s ] }""".formatted(
                rule("named-account", leaf("enrichment.account.ownerId", "exists", null),
                        "{ \"accountOwner\": { \"else\": { \"pool\": \"owners\" } } }"),
                rule("vip", leaf("score.grade", "eq", "\"A1\""), "{ \"sdr\": \"sdr-7\" }")));

        RoutingDryRun.Report report = RoutingDryRun.compare(active, draft, List.of(na, emea, na),
                Set.of("default", "enterprise-na"), Set.of("sdr-1", "sdr-2"));

        assertThat(report.leads()).isEqualTo(3);
        assertThat(report.active().ruleSetVersion()).isEqualTo("default-1");
        assertThat(report.active().routes()).containsExactly(Map.entry("pool:default", 3));
        assertThat(report.active().rules()).containsExactly(Map.entry("catch-all", 3));
        assertThat(report.draft().routes()).containsExactly(Map.entry("accountOwner:sdr-9 else pool:owners", 2),
                Map.entry("sdr:sdr-7", 1));
        assertThat(report.draft().rules()).containsExactly(Map.entry("named-account", 2), Map.entry("vip", 1));
        assertThat(report.draft().variants()).containsExactly(Map.entry(Variant.A, 3));
        assertThat(report.changed()).extracting(RoutingDryRun.Change::leadId).containsExactly("na-lead", "emea-lead", "na-lead");
        RoutingDryRun.Change emeaChange = report.changed().get(1);
        assertThat(emeaChange.active().route()).isEqualTo("pool:default");
        assertThat(emeaChange.draft().rule()).isEqualTo("vip");
        assertThat(emeaChange.draft().route()).isEqualTo("sdr:sdr-7");
        assertThat(emeaChange.draft().evidence()).containsExactly(Map.entry("score.grade", "A1"));
        assertThat(report.unknownPools()).containsExactly("owners");
        assertThat(report.unknownSdrs()).containsExactly("sdr-7");
    }

    @Test
    void theSameRuleSetChangesNothing() {
        RoutingRuleSet rules = RoutingRules.defaultRuleSet();
        RoutingDryRun.Report report = RoutingDryRun.compare(rules, rules, List.of(RuleSetFixtures.lead()), Set.of("default"),
                Set.of());
        assertThat(report.changed()).isEmpty();
        assertThat(report.unknownPools()).isEmpty();
        assertThat(report.draft()).isEqualTo(report.active());
    }
}
