package io.leadflow.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The condition language over a small catalogue of its own and a JSON document as the facts. */
class ConditionParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FieldCatalog CATALOG = FieldCatalog.builder()
            .text("person.name", "free text")
            .enumField("person.tier", "an enum", "gold", "silver", "bronze")
            .number("person.age", "a number")
            .bool("person.vip", "a boolean")
            .text("person.nickname", "absent in the facts")
            .build();
    private static final String FACTS = """
            { "person": { "name": "Ada Lovelace", "tier": "gold", "age": 36, "vip": true, "tags": ["a"] } }""";

    /** Parses with accessors that read the JSON by path, counting how often the factory was asked. */
    private static final class Compiled {
        final Problems problems = new Problems();
        final List<String> accessorsMade = new ArrayList<>();
        final Condition<JsonNode> condition;

        Compiled(String when) throws Exception {
            ConditionParser<JsonNode> parser = new ConditionParser<>(CATALOG, path -> {
                accessorsMade.add(path);
                String[] segments = JsonPaths.segments(path);
                return facts -> JsonPaths.value(JsonPaths.at(facts, segments));
            }, problems);
            condition = parser.parse(JSON.readTree(when), "when");
        }

        boolean test(String facts) throws Exception {
            return condition.test(JSON.readTree(facts), new Evidence());
        }

        List<String> messages() {
            return problems.errors().stream().map(RuleSetError::toString).toList();
        }
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
            "person.name     | eq       | \"ADA LOVELACE\"          | true",
            "person.tier     | eq       | \"gold\"                  | true",
            "person.tier     | in       | [\"silver\", \"bronze\"]  | false",
            "person.tier     | notIn    | [\"silver\"]              | true",
            "person.nickname | notIn    | [\"x\"]                   | false",
            "person.age      | eq       | 36                        | true",
            "person.age      | between  | [36, 40]                  | true",
            "person.age      | gte      | 36.5                      | false",
            "person.age      | lte      | 36                        | true",
            "person.vip      | eq       | true                      | true",
            "person.nickname | exists   | false                     | true",
            "person.name     | exists   |                           | true",
            "person.name     | contains | [\"x\", \"LOVE\"]         | true",
            "person.name     | endsWith | \"lace\"                  | true",
            "person.name     | endsWith | \"ada\"                   | false",
    })
    void operators(String field, String op, String value, boolean expected) throws Exception {
        String when = "{ \"field\": \"" + field + "\", \"op\": \"" + op + "\"" + (value == null ? "" : ", \"value\": " + value) + " }";
        Compiled c = new Compiled(when);
        assertThat(c.messages()).isEmpty();
        assertThat(c.test(FACTS)).as(when).isEqualTo(expected);
    }

    @Test
    void evidenceKeepsOnlyTheBranchesThatHeld() throws Exception {
        Compiled c = new Compiled("""
                { "all": [
                  { "field": "person.tier", "op": "eq", "value": "gold" },
                  { "any": [ { "field": "person.age", "op": "gte", "value": 50 }, { "field": "person.vip", "op": "eq", "value": true } ] },
                  { "not": { "field": "person.nickname", "op": "exists" } } ] }""");
        Evidence evidence = new Evidence();
        assertThat(c.condition.test(JSON.readTree(FACTS), evidence)).isTrue();
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("person.tier", "gold");
        expected.put("person.vip", true);
        expected.put("person.nickname", null);
        assertThat(evidence.snapshot()).containsExactlyEntriesOf(expected);
        assertThat(ConditionParser.paths(c.condition)).containsExactly("person.tier", "person.age", "person.vip",
                "person.nickname");
    }

    @Test
    void accessorsAreMadeAtParseTimeOncePerLeafAndNot() throws Exception {
        Compiled c = new Compiled("""
                { "any": [ { "field": "person.tier", "op": "eq", "value": "gold" },
                           { "not": { "field": "person.age", "op": "gte", "value": 3 } } ] }""");
        assertThat(c.accessorsMade).containsExactly("person.tier", "person.age", "person.age");
        for (int i = 0; i < 3; i++) {
            c.test(FACTS);
        }
        assertThat(c.accessorsMade).hasSize(3);
    }

    @Test
    void everyErrorNamesItsPath() throws Exception {
        Compiled c = new Compiled("""
                { "all": [
                  { "field": "person.nam", "op": "eq", "value": "x" },
                  { "field": "person.tier", "op": "eq", "value": "glod" },
                  { "field": "person.tier", "op": "gte", "value": 1 },
                  { "field": "person.age", "op": "contains", "value": "3" },
                  { "field": "person.vip", "op": "betwen", "value": [1, 2] },
                  { "field": "person.age", "op": "in", "value": 3, "extra": 1 },
                  { "any": [] },
                  { "field": "person.name", "not": {} },
                  7 ] }""");
        assertThat(c.condition).isNull();
        assertThat(c.messages()).containsExactly(
                "when.all[0].field: unknown field person.nam (did you mean person.name?)",
                "when.all[1].value: unknown value \"glod\" for person.tier (did you mean gold?); allowed: gold, silver, bronze",
                "when.all[2].op: operator gte needs a number field; person.tier is enum value (use eq or in)",
                "when.all[3].op: operator contains needs a text field; person.age is number",
                "when.all[4].op: unknown operator \"betwen\" (did you mean between?); known: eq, in, notIn, exists, gte, "
                        + "lte, between, contains, endsWith",
                "when.all[5].extra: unknown property; known: field, op, value",
                "when.all[5].value: must be a non-empty array of numbers",
                "when.all[6].any: must be a non-empty array of conditions",
                "when.all[7]: a condition is either field + op (+ value) or exactly one of all, any, not; found field, not",
                "when.all[8]: must be an object: {\"field\", \"op\", \"value\"} or one of all, any, not");
    }

    @Test
    void nestingIsBounded() throws Exception {
        String when = "{ \"field\": \"person.vip\", \"op\": \"exists\" }";
        for (int i = 0; i < ConditionParser.MAX_DEPTH; i++) {
            when = "{ \"not\": " + when + " }";
        }
        assertThat(new Compiled(when).messages()).containsExactly(
                "when" + ".not".repeat(ConditionParser.MAX_DEPTH) + ": nested too deeply (at most 10 levels)");
    }
}
