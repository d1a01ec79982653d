package io.leadflow.scoring.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RuleSetTest {

    private static final RuleSet RULES = new RuleSet("test-1", Map.of(
            "business-email", 15, "disposable-email", -30, "senior-title", 25, "manager-title", 10, "student", -20,
            "company-given", 5, "phone-given", 10, "target-country", 10, "demo-request", 25, "message", 10),
            Set.of("GB", "FR", "US"), Set.of("demo-request"));

    private static LeadFacts lead(String emailClass, String title) {
        return new LeadFacts(emailClass, "acme.io", title, null, null, null, null, null);
    }

    @Test
    void aSeniorBuyerAskingForADemoIsAnAWithEveryReasonListed() {
        ScoreCard card = RULES.score(new LeadFacts("business", "acme-robotics.com", "VP Sales", "Acme Robotics",
                "+44 20 7946 0958", "GB", "We need routing", "demo-request"));

        assertThat(card.value()).isEqualTo(100);
        assertThat(card.grade()).isEqualTo("A");
        assertThat(card.ruleSetVersion()).isEqualTo("test-1");
        assertThat(card.reasons()).extracting(Reason::rule).containsExactly("business-email", "senior-title",
                "company-given", "phone-given", "target-country", "demo-request", "message");
        assertThat(card.reasons()).filteredOn(r -> r.rule().equals("senior-title"))
                .singleElement().satisfies(r -> assertThat(r.evidence()).isEqualTo("VP Sales"));
    }

    @ParameterizedTest
    @CsvSource({
            "Directeur commercial, senior-title",
            "PDG,                  senior-title",
            "Chief Revenue Officer, senior-title",
            "CTO,                  senior-title",
            "Responsable marketing, manager-title",
            "Sales Manager,        manager-title",
            "Stagiaire marketing,  student",
            "Étudiant,             student",
            "MBA Student,          student",
    })
    void titlesInEnglishAndFrenchFireTheirRule(String title, String rule) {
        assertThat(RULES.score(lead("personal", title)).reasons()).extracting(Reason::rule).containsExactly(rule);
    }

    @Test
    void aThrowAwayAddressNeverScoresBelowZero() {
        ScoreCard card = RULES.score(lead("disposable", "intern"));
        assertThat(card.value()).isZero();
        assertThat(card.grade()).isEqualTo("D");
        assertThat(card.reasons()).extracting(Reason::rule).containsExactly("disposable-email", "student");
    }

    @ParameterizedTest
    @CsvSource({"100, A", "70, A", "69, B", "50, B", "49, C", "30, C", "29, D", "0, D"})
    void gradesFollowTheThresholds(int value, String grade) {
        assertThat(RuleSet.grade(value)).isEqualTo(grade);
    }

    @Test
    void aWordInsideAnotherWordDoesNotFire() {
        assertThat(RULES.score(lead("personal", "Headless CMS developer")).reasons()).isEmpty();
    }
}
