package io.leadflow.routing.domain;

import io.leadflow.web.FieldError;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A qualification checked against its template: per-field errors named as the client sent them. */
class QualificationTest {

    private static final QualificationTemplates TEMPLATES = QualificationTemplates.standardSet();

    private static Map<String, String> answers(String... keysAndValues) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            answers.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return answers;
    }

    private static Map<String, String> meddic() {
        return answers("champion", "VP Sales Ada", "metrics", "Response time 1 day -> 5 min", "economicBuyer", "CFO",
                "decisionCriteria", "Salesforce sync, price", "identifyPain", "Leads go cold overnight");
    }

    private static List<String> fields(Qualification.Result result) {
        return result.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void fourBantAnswersMakeAQualificationWithTrimmedTextAndBlankNotesDropped() {
        Qualification.Result result = Qualification.of(TEMPLATES, "bant",
                answers("timeline", "Q1", "budget", " 50k EUR ", "authority", "VP Sales", "need", "Leads wait a day"), "  ", "answers");

        assertThat(result.valid()).isTrue();
        Qualification qualification = result.qualification();
        assertThat(qualification.framework()).isEqualTo("bant");
        assertThat(qualification.answers()).containsExactly(Map.entry("budget", "50k EUR"), Map.entry("authority", "VP Sales"),
                Map.entry("need", "Leads wait a day"), Map.entry("timeline", "Q1"));
        assertThat(qualification.bant()).isEqualTo(new Qualification.Bant("50k EUR", "VP Sales", "Leads wait a day", "Q1"));
        assertThat(qualification.notes()).isNull();
    }

    @Test
    void meddicAnswersComeBackInTheTemplatesOrderWithoutABantShapeAndABlankOptionalAnswerLeftOut() {
        Map<String, String> sent = meddic();
        sent.put("decisionProcess", "   ");

        Qualification.Result result = Qualification.of(TEMPLATES, "meddic", sent, "Demo booked", "answers");

        assertThat(result.errors()).isEmpty();
        assertThat(result.qualification().answers().keySet())
                .containsExactly("metrics", "economicBuyer", "decisionCriteria", "identifyPain", "champion");
        assertThat(result.qualification().bant()).isNull();
        assertThat(result.qualification().notes()).isEqualTo("Demo booked");
    }

    @Test
    void withoutAFrameworkTheDefaultTemplateIsUsed() {
        QualificationTemplates champFirst = QualificationTemplates.configure("champ", java.util.Optional.empty(),
                java.util.Optional.empty());

        Qualification.Result result = Qualification.of(champFirst, null, answers("challenges", "Slow routing",
                "authority", "COO", "money", "Budgeted", "prioritization", "Top 3 this year"), null, "answers");

        assertThat(result.qualification().framework()).isEqualTo("champ");
    }

    @Test
    void everyMissingOrBlankRequiredAnswerIsNamedInTheTemplatesOrder() {
        Qualification.Result result = Qualification.of(TEMPLATES, "meddic", answers("metrics", "x", "identifyPain", " "),
                null, "answers");

        assertThat(fields(result)).containsExactly("answers.economicBuyer", "answers.decisionCriteria",
                "answers.identifyPain", "answers.champion");
        assertThat(result.errors()).extracting(FieldError::reason).containsOnly("is required");
        assertThat(fields(Qualification.of(TEMPLATES, "champ", null, null, "answers")))
                .containsExactly("answers.challenges", "answers.authority", "answers.money", "answers.prioritization");
    }

    @Test
    void keysTheTemplateDoesNotHaveAreRefusedOneByOne() {
        Map<String, String> sent = meddic();
        sent.put("budget", "50k");
        sent.put("Champion", "case matters");

        Qualification.Result result = Qualification.of(TEMPLATES, "meddic", sent, null, "answers");

        assertThat(fields(result)).containsExactly("answers.budget", "answers.Champion");
        assertThat(result.errors().get(0).reason()).isEqualTo("is not a field of the meddic template");
    }

    @Test
    void answersLongerThanTheirFieldAllowsAreRefusedAndSoAreLongNotes() {
        Map<String, String> sent = meddic();
        sent.put("champion", "c".repeat(501));
        sent.put("identifyPain", "p".repeat(2000));

        Qualification.Result result = Qualification.of(TEMPLATES, "meddic", sent, "x".repeat(5001), "answers");

        assertThat(result.errors()).containsExactly(new FieldError("answers.champion", "must be at most 500 characters"),
                new FieldError("notes", "must be at most 5000 characters"));
    }

    @Test
    void anUnknownFrameworkNamesTheFrameworkAndTheOfferedOnes() {
        Qualification.Result result = Qualification.of(TEMPLATES, "spiced", meddic(), null, "answers");

        assertThat(result.errors()).containsExactly(new FieldError("framework", "must be one of bant, meddic, champ"));
    }

    @Test
    void theLegacyBantBodyKeepsItsFieldNames() {
        Map<String, String> sent = answers("budget", "b".repeat(501), "authority", null, "need", "n".repeat(2001), "timeline", "Q1");

        Qualification.Result result = Qualification.of(TEMPLATES, "bant", sent, null, "bant");

        assertThat(fields(result)).containsExactly("bant.budget", "bant.authority", "bant.need");
    }
}
