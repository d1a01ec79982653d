package io.leadflow.scoring.rules;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each operator and combinator against a known lead (see {@link Fixtures#LEAD}). */
class ConditionOperatorsTest {

    private static final Instant AT = Instant.parse("2026-11-24T12:00:00Z");

    private static boolean fires(String when, List<Engagement> engagements) {
        Score score = Fixtures.oneRule(when).score(Fixtures.lead(), engagements, AT);
        return score.reason("r") != null;
    }

    private static boolean fires(String when) {
        return fires(when, List.of());
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
            // eq: enums exact, text case-insensitive, booleans, numbers
            "enrichment.person.seniority | eq      | \"vp\"                             | true",
            "enrichment.person.seniority | eq      | \"director\"                       | false",
            "lead.formId                 | eq      | \"DEMO-request\"                   | true",
            "enrichment.roleAccount      | eq      | false                              | true",
            "lead.doNotContact           | eq      | true                               | false",
            "enrichment.quality.score    | eq      | 80                                 | true",
            // in / notIn; absent fields match neither
            "enrichment.person.seniority | in      | [\"c_level\", \"vp\"]              | true",
            "enrichment.person.seniority | in      | [\"c_level\", \"director\"]        | false",
            "enrichment.person.seniority | notIn   | [\"student\", \"unknown\"]         | true",
            "enrichment.person.seniority | notIn   | [\"vp\"]                           | false",
            "enrichment.company.industry | notIn   | [\"education\"]                    | false",
            "enrichment.company.industry | in      | [\"education\"]                    | false",
            // exists: null and absent are both absent
            "enrichment.person.seniority | exists  |                                    | true",
            "enrichment.company.industry | exists  |                                    | false",
            "enrichment.account.accountId| exists  | false                              | true",
            "enrichment.person.seniority | exists  | false                              | false",
            // numbers, inclusive bounds
            "enrichment.quality.score    | gte     | 80                                 | true",
            "enrichment.quality.score    | gte     | 80.5                               | false",
            "enrichment.quality.score    | lte     | 80                                 | true",
            "enrichment.quality.score    | lte     | 79                                 | false",
            "enrichment.quality.score    | between | [50, 80]                           | true",
            "enrichment.quality.score    | between | [81, 100]                          | false",
            // text, case ignored
            "lead.campaign               | contains| \"demo\"                           | true",
            "lead.campaign               | contains| [\"pricing\", \"Q4\"]              | true",
            "lead.campaign               | contains| \"pricing\"                        | false",
            "lead.email                  | endsWith| \"@acme-robotics.COM\"             | true",
            "lead.email                  | endsWith| [\"@rival.io\", \"robotics.com\"]  | true",
            "lead.email                  | endsWith| \"acme\"                           | false",
            "lead.medium                 | contains| \"cpc\"                            | false",
    })
    void leaf(String field, String op, String value, boolean expected) {
        String when = "{ \"field\": \"" + field + "\", \"op\": \"" + op + "\""
                + (value == null ? "" : ", \"value\": " + value) + " }";
        assertThat(fires(when)).as(when).isEqualTo(expected);
    }

    private static final String VP = "{ \"field\": \"enrichment.person.seniority\", \"op\": \"eq\", \"value\": \"vp\" }";
    private static final String STUDENT =
            "{ \"field\": \"enrichment.person.seniority\", \"op\": \"eq\", \"value\": \"student\" }";
    private static final String EMEA = "{ \"field\": \"enrichment.geography.region\", \"op\": \"eq\", \"value\": \"EMEA\" }";

    @Test
    void combinators() {
        assertThat(fires("{ \"all\": [" + VP + ", " + EMEA + "] }")).isTrue();
        assertThat(fires("{ \"all\": [" + VP + ", " + STUDENT + "] }")).isFalse();
        assertThat(fires("{ \"any\": [" + STUDENT + ", " + EMEA + "] }")).isTrue();
        assertThat(fires("{ \"any\": [" + STUDENT + ", { \"not\": " + EMEA + " }] }")).isFalse();
        assertThat(fires("{ \"not\": " + STUDENT + " }")).isTrue();
        assertThat(fires("{ \"not\": { \"not\": " + STUDENT + " } }")).isFalse();
        // not + in is the way to let an absent field through
        assertThat(fires("{ \"not\": { \"field\": \"enrichment.company.industry\", \"op\": \"in\", \"value\": [\"education\"] } }"))
                .isTrue();
    }

    @Test
    void evidenceIsTheValuesThatMatched() {
        String when = "{ \"all\": [" + VP + ", { \"any\": [" + STUDENT + ", " + EMEA + "] },"
                + " { \"not\": { \"field\": \"enrichment.company.industry\", \"op\": \"eq\", \"value\": \"education\" } }] }";
        Map<String, Object> expected = new HashMap<>();
        expected.put("enrichment.person.seniority", "vp");
        expected.put("enrichment.geography.region", "EMEA");
        expected.put("enrichment.company.industry", null);
        FiredRule reason = Fixtures.oneRule(when).score(Fixtures.lead(), List.of(), AT).reason("r");
        assertThat(reason.evidence()).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(reason.evidence().keySet()).containsExactly("enrichment.person.seniority",
                "enrichment.geography.region", "enrichment.company.industry");
        assertThat(reason.points()).isEqualTo(10);
        assertThat(reason.dimension()).isEqualTo(Dimension.FIT);
    }

    @Test
    void engagementCountersCountEventsUpToTheScoringInstant() {
        List<Engagement> engagements = Arrays.asList(
                new Engagement("e1", "pricing_page_visit", AT.minusSeconds(86_400 * 30)),
                new Engagement("e2", "pricing_page_visit", AT.minusSeconds(3600)),
                new Engagement("e3", "page_view", AT.minusSeconds(7200)),
                new Engagement("e4", "pricing_page_visit", AT.plusSeconds(86_400))); // after AT: not yet
        String twice = "{ \"field\": \"engagement.count.pricing_page_visit\", \"op\": \"gte\", \"value\": 2 }";
        String thrice = "{ \"field\": \"engagement.count.pricing_page_visit\", \"op\": \"gte\", \"value\": 3 }";
        assertThat(fires(twice, engagements)).isTrue();
        assertThat(fires(thrice, engagements)).isFalse();
        assertThat(fires("{ \"field\": \"engagement.total\", \"op\": \"eq\", \"value\": 3 }", engagements)).isTrue();
        assertThat(fires("{ \"field\": \"engagement.daysSinceLast\", \"op\": \"between\", \"value\": [0.04, 0.05] }",
                engagements)).isTrue(); // one hour = 0.0417 days
        assertThat(fires("{ \"field\": \"engagement.daysSinceLast\", \"op\": \"exists\" }")).isFalse();
        assertThat(Fixtures.oneRule(twice).score(Fixtures.lead(), engagements, AT).reason("r").evidence())
                .containsEntry("engagement.count.pricing_page_visit", 2.0);
    }
}
