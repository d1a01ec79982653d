package io.leadflow.sla.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.leadflow.rules.ParseResult;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SlaPolicySetsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    private static SlaPolicySet shipped() throws Exception {
        try (InputStream in = SlaPolicySets.class.getClassLoader().getResourceAsStream(SlaPolicySets.DEFAULT_RESOURCE)) {
            return SlaPolicySets.parse(JSON.readTree(in)).orElseThrow();
        }
    }

    private static LeadFacts lead(String temperature, String grade, String employeeBand, String country) {
        var enrichment = JsonNodeFactory.instance.objectNode();
        enrichment.putObject("company").put("employeeBand", employeeBand);
        enrichment.putObject("geography").put("country", country).put("region", "EMEA");
        var score = JsonNodeFactory.instance.objectNode().put("temperature", temperature).put("grade", grade);
        return LeadFacts.of("Google", "q4-demo", null, enrichment, score, "default");
    }

    @Test
    void theShippedSetIsValidAndMatchesByTemperature() throws Exception {
        SlaPolicySet set = shipped();
        assertThat(set.policyFor(lead("hot", "B2", "11-50", "GB")).id()).isEqualTo("hot");
        assertThat(set.policyFor(lead("warm", "A1", "10000+", "US")).id()).isEqualTo("warm");
        assertThat(set.policyFor(lead("cold", "D4", null, null)).id()).isEqualTo("standard");
        assertThat(set.policyFor(LeadFacts.NONE).id()).isEqualTo("standard");
        // A warm lead on Friday 16:30 London: half an hour that day, the other half on Monday.
        SlaPolicy warm = set.policy("warm");
        assertThat(warm.deadline(Instant.parse("2026-11-27T16:30:00Z"), warm.firstTouch()))
                .isEqualTo(Instant.parse("2026-11-30T09:30:00Z"));
    }

    @Test
    void criteriaCombineAndGradesMatchByLetter() throws Exception {
        SlaPolicySet set = SlaPolicySets.parse(json("""
                {'version': 'v1', 'policies': [
                  {'id': 'enterprise-a', 'match': {'segment': ['enterprise'], 'grade': ['A'], 'country': ['GB', 'de']},
                   'firstTouch': 'PT2M', 'followUps': ['PT1H'], 'maxAttempts': 3},
                  {'id': 'apac-team', 'match': {'team': ['apac-inbound']}, 'firstTouch': 'PT3M', 'followUps': ['PT1H'], 'maxAttempts': 3},
                  {'id': 'google', 'match': {'source': ['google']}, 'firstTouch': 'PT10M', 'followUps': ['PT1H'], 'maxAttempts': 3},
                  {'id': 'rest', 'firstTouch': 'PT1H', 'followUps': ['P1D'], 'maxAttempts': 2}]}
                """)).orElseThrow();
        assertThat(set.policyFor(lead("cold", "A3", "1001-5000", "GB")).id()).isEqualTo("enterprise-a");
        assertThat(set.policyFor(lead("cold", "B1", "1001-5000", "GB")).id()).isEqualTo("google");
        assertThat(set.policyFor(lead("cold", "A3", "201-500", "DE")).id()).isEqualTo("google");
        assertThat(set.policy("gone").id()).isEqualTo("rest");
        var apac = JsonNodeFactory.instance.objectNode();
        assertThat(set.policyFor(LeadFacts.of(null, null, null, apac, apac, "APAC-Inbound")).id()).isEqualTo("apac-team");
        assertThat(set.policy("rest").followUpAfter(2)).isEqualTo(Duration.ofDays(1));
        assertThat(set.policy("rest").followUpAfter(5)).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void everyProblemIsNamedByItsPath() throws Exception {
        ParseResult<SlaPolicySet> result = SlaPolicySets.parse(json("""
                {'version': 'v1',
                 'calendars': [{'id': 'emea', 'timeZone': 'Europe/Londn', 'hours': {'munday': ['09:00-17:00'],
                   'tuesday': ['17:00-09:00', '08:00-12:00', '11:00-13:00']}, 'holidays': ['25/12/2026']}],
                 'policies': [
                   {'id': 'hot', 'match': {'temperature': ['hott']}, 'firstTouch': '5 minutes', 'atRisk': 1.5,
                    'calendar': 'emia', 'followUps': [], 'maxAttempts': 0, 'escalateAfterBreaches': 2},
                   {'id': 'warm', 'match': {'temperature': ['warm']}, 'firstTouch': 'PT1H', 'pauseOutsideHours': true,
                    'followUps': ['P1D'], 'maxAttempts': 3}]}
                """));
        assertThat(result.valid()).isFalse();
        assertThat(result.messages()).anySatisfy(m -> assertThat(m).startsWith("calendars[0].timeZone").contains("Europe/London"))
                .anySatisfy(m -> assertThat(m).startsWith("calendars[0].hours.munday").contains("monday"))
                .anySatisfy(m -> assertThat(m).startsWith("calendars[0].hours.tuesday[0]").contains("end after"))
                .anySatisfy(m -> assertThat(m).startsWith("calendars[0].hours.tuesday[2]").contains("overlaps"))
                .anySatisfy(m -> assertThat(m).startsWith("calendars[0].holidays[0]"))
                .anySatisfy(m -> assertThat(m).startsWith("policies[0].match.temperature[0]").contains("hot"))
                .anySatisfy(m -> assertThat(m).startsWith("policies[0].firstTouch"))
                .anySatisfy(m -> assertThat(m).startsWith("policies[0].atRisk"))
                .anySatisfy(m -> assertThat(m).startsWith("policies[0].calendar"))
                .anySatisfy(m -> assertThat(m).startsWith("policies[0].followUps"))
                .anySatisfy(m -> assertThat(m).startsWith("policies[0].maxAttempts"))
                .anySatisfy(m -> assertThat(m).startsWith("policies[1].pauseOutsideHours").contains("calendar"))
                .anySatisfy(m -> assertThat(m).startsWith("policies[1].match").contains("last policy must match every lead"));
    }

    @Test
    void theReadmesExampleIsAValidSet() throws Exception {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        int start = readme.indexOf("```json\n") + "```json\n".length();
        String example = readme.substring(start, readme.indexOf("```", start));
        SlaPolicySet set = SlaPolicySets.parse(JSON.readTree(example)).orElseThrow();
        assertThat(set.policies()).extracting(SlaPolicy::id)
                .containsExactly("hot", "enterprise-a-emea", "na-business-day", "standard");
        assertThat(set.policyFor(lead("warm", "A2", "5001-10000", "DE")).id()).isEqualTo("enterprise-a-emea");
        // Friday 19:00 in New York with ten working hours: Monday 08:00 + 10 h = Monday 18:00 (EST, UTC-5).
        SlaPolicy na = set.policy("na-business-day");
        assertThat(na.deadline(Instant.parse("2026-12-05T00:00:00Z"), na.firstTouch()))
                .isEqualTo(Instant.parse("2026-12-07T23:00:00Z"));
    }

    @Test
    void aSetWithoutPoliciesOrVersionIsRefused() throws Exception {
        assertThat(SlaPolicySets.parse(json("{'policies': []}")).messages())
                .containsExactlyInAnyOrder("version: is required", "policies: must be a non-empty array");
        assertThat(SlaPolicySets.parse(json("[]")).messages()).containsExactly("$: must be a JSON object");
    }

    @Test
    void theAtRiskWarningFallsAtItsShareOfTheAllowedTime() throws Exception {
        SlaPolicy hot = shipped().policy("hot");
        Instant captured = Instant.parse("2026-11-22T09:15:00Z");
        assertThat(hot.atRiskAt(captured, hot.firstTouch())).isEqualTo(Instant.parse("2026-11-22T09:19:00Z"));
        assertThat(hot.deadline(captured, hot.firstTouch())).isEqualTo(Instant.parse("2026-11-22T09:20:00Z"));
        assertThat(hot.escalates(1)).isFalse();
        assertThat(hot.escalates(2)).isTrue();
    }
}
