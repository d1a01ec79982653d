package io.leadflow.routing.rules;

import io.leadflow.rules.ParseResult;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static io.leadflow.routing.rules.RuleSetFixtures.leaf;
import static io.leadflow.routing.rules.RuleSetFixtures.rule;
import static io.leadflow.routing.rules.RuleSetFixtures.ruleSet;
import static org.assertj.core.api.Assertions.assertThat;

/** Bad routing rule sets come back as every error found, each with its JSON path; parsing never throws. */
class RoutingRulesValidationTest {

    private static final String NA = leaf("enrichment.geography.region", "eq", "\"NA\"");
    private static final String TO_POOL = "{ \"pool\": \"enterprise-na\" }";

    private static List<String> errors(String json) {
        ParseResult<RoutingRuleSet> result = RoutingRules.parse(json);
        assertThat(result.value()).as(json).isEmpty();
        return result.messages();
    }

    @Test
    void aValidRuleSetCompiles() {
        RoutingRuleSet rules = RuleSetFixtures.compile(ruleSet(rule("na", NA, TO_POOL)));
        assertThat(rules.version()).isEqualTo("test-1");
        assertThat(rules.rules()).extracting(RoutingRule::id).containsExactly("na");
        assertThat(rules.catchAll()).isEqualTo("catch-all");
        assertThat(rules.experiment()).isEmpty();
    }

    @Test
    void notJsonOrNotAnObject() {
        assertThat(errors("{ \"version\": ")).singleElement().asString().startsWith("$: not valid JSON: ");
        assertThat(errors("[]")).containsExactly("$: must be a JSON object");
        assertThat(errors(null)).containsExactly("$: must be a JSON object");
    }

    @Test
    void theDocumentsOwnProperties() {
        assertThat(errors("{ \"verison\": \"x\", \"description\": 3 }")).containsExactly(
                "verison: unknown property (did you mean version?); known: version, description, rules, catchAll, experiment",
                "version: is required",
                "description: must be a string",
                "rules: is required (an array, may be empty)",
                "catchAll: is required");
        assertThat(errors("{ \"version\": \"" + "v".repeat(65) + "\", \"rules\": {}, \"catchAll\": { \"pool\": \"a b\", \"queue\": 1 } }"))
                .containsExactly(
                        "version: must be at most 64 characters, got 65",
                        "rules: must be an array",
                        "catchAll.queue: unknown property; known: pool",
                        "catchAll.pool: must be a pool id: 1-64 letters, digits, '.', '_' or '-', got \"a b\"");
        assertThat(errors("{ \"version\": \"\", \"rules\": [], \"catchAll\": [] }")).containsExactly(
                "version: must be a non-blank string",
                "catchAll: must be an object");
        assertThat(errors("{ \"version\": \"v\", \"rules\": [], \"catchAll\": {} }")).containsExactly("catchAll.pool: is required");
    }

    @Test
    void aRuleNeedsAnIdAConditionAndARoute() {
        String rules = String.join(", ",
                "7",
                "{ \"id\": \"Bad Id\", \"when\": " + NA + ", \"route\": " + TO_POOL + ", \"descripton\": \"x\" }",
                "{ \"when\": " + NA + ", \"route\": " + TO_POOL + " }",
                rule("catch-all", NA, TO_POOL),
                rule("a", NA, TO_POOL),
                rule("a", NA, TO_POOL),
                "{ \"id\": \"no-when\", \"route\": " + TO_POOL + ", \"description\": 1 }",
                "{ \"id\": \"no-route\", \"when\": " + NA + " }");
        assertThat(errors(ruleSet(rules))).containsExactly(
                "rules[0]: must be an object",
                "rules[1].descripton: unknown property (did you mean description?); known: id, when, route, description",
                "rules[1].id: must be 1-64 lower-case letters, digits and dashes, starting with a letter or digit, got \"Bad Id\"",
                "rules[2].id: is required",
                "rules[3].id: \"catch-all\" is reserved for the leads no rule matches",
                "rules[5].id: duplicate id \"a\" (first used by rules[4])",
                "rules[6].when: is required",
                "rules[6].description: must be a string",
                "rules[7].route: is required: {\"pool\": id}, {\"sdr\": id} or {\"accountOwner\": {\"else\": ...}}");
    }

    @Test
    void conditionsUseTheRoutingFields() {
        String rules = String.join(", ",
                rule("grade", leaf("score.grde", "in", "[\"A1\"]"), TO_POOL),
                rule("grade-value", leaf("score.grade", "in", "[\"A1\", \"E1\"]"), TO_POOL),
                rule("temperature", leaf("score.temperature", "eq", "\"tepid\""), TO_POOL),
                rule("probability", leaf("conversion.probability", "contains", "\"0.5\""), TO_POOL),
                rule("owner", leaf("enrichment.account.ownerId", "gte", "1"), TO_POOL),
                rule("nested", "{ \"any\": [ " + NA + ", { \"not\": 3 } ] }", TO_POOL));
        assertThat(errors(ruleSet(rules))).containsExactly(
                "rules[0].when.field: unknown field score.grde (did you mean score.grade?)",
                "rules[1].when.value[1]: unknown value \"E1\" for score.grade (did you mean A1?); allowed: A1, A2, A3, A4, "
                        + "B1, B2, B3, B4, C1, C2, C3, C4, D1, D2, D3, D4, A, B, C, D",
                "rules[2].when.value: unknown value \"tepid\" for score.temperature; allowed: cold, warm, hot",
                "rules[3].when.op: operator contains needs a text field; conversion.probability is number",
                "rules[4].when.op: operator gte needs a number field; enrichment.account.ownerId is string (use eq or in)",
                "rules[5].when.any[1].not: must be an object: {\"field\", \"op\", \"value\"} or one of all, any, not");
    }

    @Test
    void aRouteIsExactlyOneOfPoolSdrAccountOwner() {
        String rules = String.join(", ",
                rule("r0", NA, "\"enterprise-na\""),
                rule("r1", NA, "{}"),
                rule("r2", NA, "{ \"pool\": \"a\", \"sdr\": \"sdr-1\" }"),
                rule("r3", NA, "{ \"pol\": \"a\" }"),
                rule("r4", NA, "{ \"pool\": \"\" }"),
                rule("r5", NA, "{ \"sdr\": 7 }"),
                rule("r6", NA, "{ \"accountOwner\": \"yes\" }"),
                rule("r7", NA, "{ \"accountOwner\": { \"else\": \"owner\" } }"),
                rule("r8", NA, "{ \"accountOwner\": { \"else\": { \"pool\": \"x y\" } } }"),
                rule("r9", NA, "{ \"accountOwner\": { \"els\": \"owner-pool\" } }"));
        assertThat(errors(ruleSet(rules))).containsExactly(
                "rules[0].route: must be an object: {\"pool\": id}, {\"sdr\": id} or {\"accountOwner\": {\"else\": ...}}",
                "rules[1].route: must name exactly one of pool, sdr, accountOwner; found none",
                "rules[2].route: must name exactly one of pool, sdr, accountOwner; found pool, sdr",
                "rules[3].route.pol: unknown property (did you mean pool?); known: pool, sdr, accountOwner",
                "rules[4].route.pool: must be a pool id: 1-64 letters, digits, '.', '_' or '-', got \"\"",
                "rules[5].route.sdr: must be an SDR id: 1-64 letters, digits, '.', '_' or '-', got 7",
                "rules[6].route.accountOwner: must be an object: {} or {\"else\": \"owner-pool\" | {\"pool\": id}}",
                "rules[7].route.accountOwner.else: must be \"owner-pool\" (the owner's own pool) or {\"pool\": id}, got \"owner\"",
                "rules[8].route.accountOwner.else.pool: must be a pool id: 1-64 letters, digits, '.', '_' or '-', got \"x y\"",
                "rules[9].route.accountOwner.els: unknown property (did you mean else?); known: else");
    }

    @Test
    void theExperimentIsCheckedLikeTheRules() {
        String experiment = """
                { "version": "v", "rules": [ %s ], "catchAll": { "pool": "catch-all" },
                  "experiment": { "id": "Owner vs Pool", "shareB": 120, "variant": "B",
                                  "rules": [ %s, %s, { "id": "b", "when": { "field": "lead.country", "op": "eq" }, "route": { "sdr": "sdr-1" } } ] } }"""
                .formatted(rule("a", NA, TO_POOL), rule("a", NA, TO_POOL), rule("b", NA, TO_POOL));
        assertThat(errors(experiment)).containsExactly(
                "experiment.variant: unknown property; known: id, shareB, rules, description",
                "experiment.id: must be 1-64 lower-case letters, digits and dashes, starting with a letter or digit, got \"Owner vs Pool\"",
                "experiment.shareB: must be an integer between 0 and 100, got 120",
                "experiment.rules[2].id: duplicate id \"b\" (first used by experiment.rules[1])",
                "experiment.rules[2].when.value: must be a single string (use exists to test for absence)");
        assertThat(errors("{ \"version\": \"v\", \"rules\": [], \"catchAll\": { \"pool\": \"c\" }, \"experiment\": 5 }"))
                .containsExactly("experiment: must be an object");
        assertThat(errors("{ \"version\": \"v\", \"rules\": [], \"catchAll\": { \"pool\": \"c\" }, \"experiment\": {} }"))
                .containsExactly("experiment.id: is required", "experiment.shareB: is required",
                        "experiment.rules: is required (an array, may be empty)");
    }

    @Test
    void ruleIdsAreUniquePerVariantAndTheNumberOfRulesIsBounded() {
        RoutingRuleSet both = RuleSetFixtures.compile("""
                { "version": "v", "rules": [ %s ], "catchAll": { "pool": "c" },
                  "experiment": { "id": "e", "shareB": 50, "rules": [ %s ] } }""".formatted(rule("a", NA, TO_POOL),
                rule("a", NA, "{ \"sdr\": \"sdr-1\" }")));
        assertThat(both.experiment().orElseThrow().rules()).extracting(RoutingRule::id).containsExactly("a");
        String many = String.join(", ", Collections.nCopies(RoutingRules.MAX_RULES + 1, rule("x", NA, TO_POOL)));
        assertThat(errors(ruleSet(many))).containsExactly("rules: at most 1000 rules, got 1001");
    }
}
