package io.leadflow.scoring.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Caps, penalties, clamping, grade and temperature bands, MQL and disqualification. */
class ScoreArithmeticTest {

    private static final Instant AT = Instant.parse("2026-11-24T12:00:00Z");
    private static final String ALWAYS = "{ \"field\": \"enrichment.person.seniority\", \"op\": \"exists\" }";

    private static String rule(String id, String dimension, int points) {
        return "{ \"id\": \"" + id + "\", \"dimension\": \"" + dimension + "\", \"points\": " + points
                + ", \"when\": " + ALWAYS + " }";
    }

    private static Score score(String... rules) {
        return Fixtures.compile(Fixtures.ruleSet(String.join(", ", rules))).score(Fixtures.lead(), List.of(), AT);
    }

    @Test
    void positivesAreCappedPerDimension() {
        Score s = score(rule("a", "fit", 30), rule("b", "fit", 30), rule("c", "intent", 25));
        assertThat(s.fit()).isEqualTo(50); // 60 capped at caps.fit
        assertThat(s.intent()).isEqualTo(25);
        assertThat(s.total()).isEqualTo(75);
        assertThat(s.reason("a").points()).isEqualTo(30); // reasons keep the points as awarded
    }

    @Test
    void negativesSubtractAfterCapping() {
        Score s = score(rule("a", "fit", 30), rule("b", "fit", 30), rule("student", "fit", -20));
        assertThat(s.fit()).isEqualTo(30); // min(60, 50) - 20, not min(60 - 20, 50) = 40
        assertThat(s.total()).isEqualTo(30);
    }

    @Test
    void aPenaltyLargerThanItsDimensionReducesTheTotal() {
        Score s = score(rule("a", "fit", 10), rule("disposable", "fit", -30), rule("demo", "intent", 40));
        assertThat(s.fit()).isZero(); // a dimension never goes below 0 ...
        assertThat(s.intent()).isEqualTo(40);
        assertThat(s.total()).isEqualTo(20); // ... but the penalty still counts in full: 10 - 30 + 40
    }

    @Test
    void totalIsClampedToZeroAndHundred() {
        assertThat(score(rule("a", "fit", 50), rule("b", "intent", 40), rule("c", "engagement", 30)).total())
                .isEqualTo(100); // 120
        assertThat(score(rule("a", "fit", 10), rule("b", "intent", -60)).total()).isZero();
    }

    @ParameterizedTest(name = "fit {0}, engagement {1} -> {2}")
    @CsvSource({"40, 20, A1", "39, 19, B2", "25, 10, B2", "24, 9, C3", "10, 3, C3", "9, 2, D4", "0, 0, D4"})
    void gradeIsFitLetterAndEngagementDigit(int fit, int engagement, String grade) {
        List<String> rules = new java.util.ArrayList<>(List.of(rule("x", "intent", 1)));
        if (fit > 0) {
            rules.add(rule("f", "fit", fit));
        }
        if (engagement > 0) {
            rules.add(rule("e", "engagement", engagement));
        }
        Score s = score(rules.toArray(String[]::new));
        assertThat(s.fit()).isEqualTo(fit);
        assertThat(s.engagement()).isEqualTo(engagement);
        assertThat(s.grade()).isEqualTo(grade);
    }

    @ParameterizedTest(name = "total {0} -> {1}, mql {2}")
    @CsvSource({"39, COLD, false", "40, WARM, false", "59, WARM, false", "60, WARM, true", "69, WARM, true",
            "70, HOT, true", "100, HOT, true"})
    void temperatureAndMqlByTotal(int total, Temperature temperature, boolean mql) {
        int fit = Math.min(total, 50);
        int intent = Math.min(total - fit, 40);
        int engagement = total - fit - intent;
        List<String> rules = new java.util.ArrayList<>(List.of(rule("f", "fit", fit)));
        if (intent > 0) {
            rules.add(rule("i", "intent", intent));
        }
        if (engagement > 0) {
            rules.add(rule("e", "engagement", engagement));
        }
        Score s = score(rules.toArray(String[]::new));
        assertThat(s.total()).isEqualTo(total);
        assertThat(s.temperature()).isEqualTo(temperature);
        assertThat(s.mql()).isEqualTo(mql);
    }

    @Test
    void aDisqualifyingRuleForcesColdAndNoMql() {
        String dnc = "{ \"id\": \"dnc\", \"dimension\": \"fit\", \"points\": -5, \"disqualify\": true, \"when\": "
                + "{ \"field\": \"lead.doNotContact\", \"op\": \"eq\", \"value\": false } }"; // the fixture lead is false
        Score s = score(rule("a", "fit", 50), rule("b", "intent", 40), dnc);
        assertThat(s.total()).isEqualTo(85);
        assertThat(s.disqualified()).isTrue();
        assertThat(s.temperature()).isEqualTo(Temperature.COLD);
        assertThat(s.mql()).isFalse();
        assertThat(s.reason("dnc").disqualify()).isTrue();
        assertThat(s.ruleSetVersion()).isEqualTo("test-1");
    }
}
