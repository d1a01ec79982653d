package io.leadflow.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shared checks of a rule-set document, and the parse result. */
class ProblemsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void badJsonAndNonObjectsAreErrorsAtTheRoot() {
        Problems problems = new Problems();
        assertThat(problems.readJson("{ \"version\": ")).isNull();
        assertThat(problems.isObject(problems.readJson("[1]"))).isFalse();
        assertThat(problems.isObject(problems.readJson(null))).isFalse();
        assertThat(problems.errors()).extracting(RuleSetError::toString).satisfiesExactly(
                e -> assertThat(e).startsWith("$: not valid JSON: ").contains("(line 1, column "),
                e -> assertThat(e).isEqualTo("$: must be a JSON object"),
                e -> assertThat(e).isEqualTo("$: must be a JSON object"));
    }

    @Test
    void versionsIdsIntegersAndUnknownProperties() throws Exception {
        Problems problems = new Problems();
        JsonNode doc = JSON.readTree("""
                { "version": " ", "descripton": "x", "share": 101, "rule": { "id": "Bad" }, "other": { "id": "a" } }""");
        assertThat(problems.version(doc)).isNull();
        problems.unknownProperties(doc, "", new LinkedHashSet<>(List.of("version", "description", "share", "rule", "other")));
        assertThat(problems.intIn(doc, "share", "share", 0, 100, true, -1)).isEqualTo(-1);
        assertThat(problems.intIn(doc, "missing", "missing", 0, 100, false, 7)).isEqualTo(7);
        Map<String, String> seen = new HashMap<>();
        assertThat(problems.ruleId(doc.get("rule"), "rule", seen)).isNull();
        assertThat(problems.ruleId(doc.get("other"), "rules[0]", seen)).isEqualTo("a");
        assertThat(problems.ruleId(doc.get("other"), "experiment.rules[3]", seen)).isEqualTo("a");
        assertThat(problems.object(doc, "share", "share")).isNull();
        assertThat(problems.optionalText(doc, "share", "share")).isEmpty();
        assertThat(problems.errors()).extracting(RuleSetError::toString).containsExactly(
                "version: must be a non-blank string",
                "descripton: unknown property (did you mean description?); known: version, description, share, rule, other",
                "share: must be an integer between 0 and 100, got 101",
                "rule.id: must be 1-64 lower-case letters, digits and dashes, starting with a letter or digit, got \"Bad\"",
                "experiment.rules[3].id: duplicate id \"a\" (first used by rules[0])",
                "share: must be an object",
                "share: must be a string");
    }

    @Test
    void aResultIsARuleSetOrErrorsNeverBoth() {
        ParseResult<String> ok = ParseResult.of("rules");
        assertThat(ok.valid()).isTrue();
        assertThat(ok.orElseThrow()).isEqualTo("rules");
        assertThat(ok.validation()).isEqualTo(new Validation(true, List.of()));
        ParseResult<String> bad = ParseResult.invalid(List.of(new RuleSetError("rules[0].id", "is required")));
        assertThat(bad.value()).isEmpty();
        assertThat(bad.validation().errors()).containsExactly(new RuleSetError("rules[0].id", "is required"));
        assertThatThrownBy(bad::orElseThrow).isInstanceOf(IllegalStateException.class).hasMessageContaining("rules[0].id: is required");
        assertThatThrownBy(() -> ParseResult.invalid(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
