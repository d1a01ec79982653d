package io.leadflow.scoring.rules;

import org.junit.jupiter.api.Test;

import static io.leadflow.scoring.rules.Fixtures.ruleSet;
import static org.assertj.core.api.Assertions.assertThat;

/** Bad rule sets come back as every error found, each with its JSON path; parsing never throws. */
class RuleSetValidationTest {

    private static final String VP = """
            { "id": "vp", "dimension": "fit", "points": 20,
              "when": { "field": "enrichment.person.seniority", "op": "eq", "value": "vp" } }""";

    private static RuleSetParseResult parse(String json) {
        RuleSetParseResult result = ScoringRuleSets.parse(json);
        assertThat(result.ruleSet()).isEmpty();
        return result;
    }

    @Test
    void aValidRuleSetCompiles() {
        RuleSetParseResult result = ScoringRuleSets.parse(ruleSet(VP));
        assertThat(result.valid()).isTrue();
        assertThat(result.orElseThrow().rules()).extracting(ScoringRule::id).containsExactly("vp");
    }

    @Test
    void notJsonOrNotAnObject() {
        assertThat(parse("{ \"version\": ").messages()).singleElement().asString().startsWith("$: not valid JSON: ");
        assertThat(parse("[1, 2]").messages()).containsExactly("$: must be a JSON object");
        assertThat(parse(null).messages()).containsExactly("$: must be a JSON object");
    }

    @Test
    void unknownFieldSuggestsTheClosestKnownOne() {
        String rules = VP + ", " + VP.replace("\"vp\", \"dimension\"", "\"x\", \"dimension\"").replace(
                "enrichment.person.seniority", "enrichment.person.senority");
        assertThat(parse(ruleSet(rules)).messages()).containsExactly(
                "rules[1].when.field: unknown field enrichment.person.senority (did you mean enrichment.person.seniority?)");
    }

    @Test
    void unknownOperatorListsTheKnownOnes() {
        assertThat(parse(ruleSet(VP.replace("\"eq\"", "\"greater\""))).messages()).containsExactly(
                "rules[0].when.op: unknown operator \"greater\"; known: eq, in, notIn, exists, gte, lte, between, contains, endsWith");
        assertThat(parse(ruleSet(VP.replace("\"eq\"", "\"notin\""))).messages()).containsExactly(
                "rules[0].when.op: unknown operator \"notin\" (did you mean notIn?); known: eq, in, notIn, exists, gte, lte, between, contains, endsWith");
    }

    @Test
    void unknownEnumValueListsTheAllowedOnes() {
        String rule = """
                { "id": "senior", "dimension": "fit", "points": 20,
                  "when": { "field": "enrichment.person.seniority", "op": "in", "value": ["vp", "vice_president", "directr"] } }""";
        assertThat(parse(ruleSet(rule)).messages()).containsExactly(
                "rules[0].when.value[1]: unknown value \"vice_president\" for enrichment.person.seniority; allowed: "
                        + "c_level, vp, director, manager, individual_contributor, student, unknown",
                "rules[0].when.value[2]: unknown value \"directr\" for enrichment.person.seniority (did you mean director?); "
                        + "allowed: c_level, vp, director, manager, individual_contributor, student, unknown");
    }

    @Test
    void pointsOutOfRangeDuplicateIdsAndBadDimension() {
        String rules = VP + ", " + VP.replace("20", "150") + ", " + VP.replace("\"vp\", \"dimension\": \"fit\"",
                "\"vp-2\", \"dimension\": \"fitness\"");
        assertThat(parse(ruleSet(rules)).messages()).containsExactly(
                "rules[1].id: duplicate id \"vp\" (first used by rules[0])",
                "rules[1].points: must be between -100 and 100, got 150",
                "rules[2].dimension: unknown dimension \"fitness\"; known: fit, engagement, intent");
    }

    @Test
    void rulePropertiesAreChecked() {
        String rule = """
                { "id": "Bad Id", "dimension": "fit", "points": 0, "disqualify": "yes", "whne": {} }""";
        assertThat(parse(ruleSet(rule)).messages()).containsExactly(
                "rules[0].whne: unknown property (did you mean when?); known: id, dimension, when, points, description, disqualify",
                "rules[0].id: must be 1-64 lower-case letters, digits and dashes, starting with a letter or digit, got \"Bad Id\"",
                "rules[0].points: must not be 0 (a rule that scores nothing)",
                "rules[0].disqualify: must be true or false",
                "rules[0].when: is required");
    }

    @Test
    void capsOutOfRange() {
        assertThat(parse(ruleSet(VP).replace("\"fit\": 50", "\"fit\": 120").replace("\"intent\": 40", "\"intent\": -1"))
                .messages()).containsExactly(
                "caps.fit: must be an integer between 0 and 100, got 120",
                "caps.intent: must be an integer between 0 and 100, got -1");
    }

    @Test
    void thresholdsMustIncreaseAndBandsDecrease() {
        String json = ruleSet(VP).replace("\"hot\": 70", "\"hot\": 40")
                .replace("\"B\": 25", "\"B\": 45")
                .replace("\"1\": 20", "\"1\": 35");
        assertThat(parse(json).messages()).containsExactly(
                "temperature.hot: must be greater than temperature.warm (40)",
                "grade.fit.B: must be less than grade.fit.A (40): bands go from best to worst",
                "grade.engagement.1: 35 is above caps.engagement (30), so 1 could never be given");
        assertThat(parse(ruleSet(VP).replace("\"mqlThreshold\": 60", "\"mqlThreshold\": 101")).messages())
                .containsExactly("mqlThreshold: must be an integer between 0 and 100, got 101");
    }

    @Test
    void badHalfLifeAndEngagementPoints() {
        assertThat(parse(ruleSet(VP).replace("\"P14D\"", "\"two weeks\"")).messages()).containsExactly(
                "engagement.halfLife: \"two weeks\" is not an ISO-8601 duration such as P14D or PT36H");
        assertThat(parse(ruleSet(VP).replace("\"P14D\"", "\"PT-1H\"")).messages()).containsExactly(
                "engagement.halfLife: must be positive, got PT-1H");
        assertThat(parse(ruleSet(VP).replace("\"page_view\": 2", "\"page_veiw\": 2, \"email_click\": 1.5")).messages())
                .containsExactly(
                        "engagement.points.page_veiw: unknown engagement type (did you mean page_view?); known: page_view, "
                                + "pricing_page_visit, email_open, email_click, content_download, webinar_attended, demo_request, reply",
                        "engagement.points.email_click: must be an integer between 0 and 100, got 1.5");
    }

    @Test
    void unknownTopLevelPropertyAndMissingOnes() {
        String json = ruleSet(VP).replace("\"mqlThreshold\"", "\"mqlTreshold\"").replace("\"version\": \"test-1\",", "");
        assertThat(parse(json).messages()).containsExactly(
                "mqlTreshold: unknown property (did you mean mqlThreshold?); known: version, description, mqlThreshold, "
                        + "caps, temperature, grade, engagement, rules",
                "version: is required",
                "mqlThreshold: is required");
    }

    @Test
    void nestedConditionErrorsCarryTheirPath() {
        String rule = """
                { "id": "nested", "dimension": "intent", "points": 5, "when": { "all": [
                    { "field": "lead.formId", "op": "eq", "value": "demo" },
                    { "not": { "field": "enrichment.person.seniority", "op": "gte", "value": 3 } },
                    { "any": [] },
                    { "field": "enrichment.quality.score", "op": "between", "value": [90, 10] },
                    { "field": "lead.email", "op": "endsWith", "value": 3 },
                    { "field": "lead.doNotContact", "op": "eq", "value": "yes" },
                    { "field": "lead.formId", "op": "in", "value": "demo" },
                    { "all": [ { "field": "lead.formId" } ], "any": [] }
                ] } }""";
        assertThat(parse(ruleSet(rule)).messages()).containsExactly(
                "rules[0].when.all[1].not.op: operator gte needs a number field; enrichment.person.seniority is enum value (use eq or in)",
                "rules[0].when.all[2].any: must be a non-empty array of conditions",
                "rules[0].when.all[3].value: min 90 is greater than max 10",
                "rules[0].when.all[4].value: must be a non-empty string or a non-empty array of strings",
                "rules[0].when.all[5].value: must be a boolean (lead.doNotContact), got \"yes\"",
                "rules[0].when.all[6].value: must be a non-empty array of strings",
                "rules[0].when.all[7]: a condition is either field + op (+ value) or exactly one of all, any, not; found all, any");
    }

    @Test
    void deepNestingIsRefusedNotOverflowed() {
        String when = "{ \"field\": \"lead.formId\", \"op\": \"exists\" }";
        for (int i = 0; i < 50; i++) {
            when = "{ \"not\": " + when + " }";
        }
        String json = ruleSet("{ \"id\": \"deep\", \"dimension\": \"fit\", \"points\": 1, \"when\": " + when + " }");
        assertThat(parse(json).messages()).containsExactly(
                "rules[0].when" + ".not".repeat(ScoringRuleSets.MAX_DEPTH) + ": nested too deeply (at most 10 levels)");
    }
}
