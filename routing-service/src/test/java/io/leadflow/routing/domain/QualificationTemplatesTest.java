package io.leadflow.routing.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped templates and what RevOps may configure: a templates file, the offered ids, the default. */
class QualificationTemplatesTest {

    private static QualificationTemplates configure(String defaultId, List<String> offered, String json) {
        return QualificationTemplates.configure(defaultId, Optional.ofNullable(offered), Optional.ofNullable(json));
    }

    private static List<String> keys(QualificationTemplate template) {
        return template.fields().stream().map(QualificationTemplate.Field::key).toList();
    }

    @Test
    void bantMeddicAndChampShipWithTheirFieldsInOrderAndBantIsTheDefault() {
        QualificationTemplates templates = QualificationTemplates.standardSet();

        assertThat(templates.offered()).extracting(QualificationTemplate::id).containsExactly("bant", "meddic", "champ");
        assertThat(templates.defaultTemplate().id()).isEqualTo("bant");
        assertThat(keys(templates.find("bant").orElseThrow())).containsExactly("budget", "authority", "need", "timeline");
        assertThat(keys(templates.find("meddic").orElseThrow())).containsExactly("metrics", "economicBuyer",
                "decisionCriteria", "decisionProcess", "identifyPain", "champion");
        assertThat(keys(templates.find("champ").orElseThrow())).containsExactly("challenges", "authority", "money",
                "prioritization");
        assertThat(templates.offered()).allSatisfy(template -> assertThat(template.fields()).allSatisfy(field -> {
            assertThat(field.label()).isNotBlank();
            assertThat(field.help()).isNotBlank();
            assertThat(field.maxLength()).isBetween(1, QualificationTemplates.ANSWER_MAX);
        }));
    }

    @Test
    void bantKeepsTheContractsLimits() {
        QualificationTemplate bant = QualificationTemplates.standardSet().find("bant").orElseThrow();

        assertThat(bant.fields()).extracting(QualificationTemplate.Field::maxLength).containsExactly(500, 500, 2000, 500);
        assertThat(bant.fields()).allMatch(QualificationTemplate.Field::required);
    }

    @Test
    void revOpsOffersOnlySomeTemplatesInTheirOrderWithAnotherDefault() {
        QualificationTemplates templates = configure("meddic", List.of("meddic", " champ "), null);

        assertThat(templates.offered()).extracting(QualificationTemplate::id).containsExactly("meddic", "champ");
        assertThat(templates.defaultTemplate().id()).isEqualTo("meddic");
        assertThat(templates.find("bant")).isEmpty();
    }

    @Test
    void aTemplatesFileAddsATemplateAndRewordsAShippedOne() {
        String json = """
                [{"id": "spiced", "label": "SPICED", "fields": [
                   {"key": "situation", "label": "Situation", "help": "Facts about the company", "maxLength": 1000},
                   {"key": "pain", "label": "Pain"},
                   {"key": "impact", "label": "Impact", "required": false}]},
                 {"id": "champ", "label": "CHAMP (ours)", "fields": [
                   {"key": "challenges", "label": "Their challenges"}, {"key": "money", "label": "Money"}]}]
                """;

        QualificationTemplates templates = configure("spiced", null, json);

        assertThat(templates.offered()).extracting(QualificationTemplate::id).containsExactly("bant", "meddic", "champ", "spiced");
        QualificationTemplate spiced = templates.defaultTemplate();
        assertThat(spiced.fields()).containsExactly(
                new QualificationTemplate.Field("situation", "Situation", "Facts about the company", true, 1000),
                new QualificationTemplate.Field("pain", "Pain", null, true, 500),
                new QualificationTemplate.Field("impact", "Impact", null, false, 500));
        assertThat(templates.find("champ").orElseThrow().label()).isEqualTo("CHAMP (ours)");
        assertThat(keys(templates.find("champ").orElseThrow())).containsExactly("challenges", "money");
    }

    @Test
    void everyMistakeInTheFileIsNamedByItsPath() {
        String json = """
                [{"id": "Bad Id", "label": "", "fields": []},
                 {"id": "ok", "label": "OK", "colour": "red", "fields": [
                   {"key": "a b", "label": "A"}, {"key": "b", "label": "B", "maxLength": 5001, "required": "yes"},
                   {"key": "c", "label": "C"}, {"key": "c", "label": "C again"}]}]
                """;

        assertThatThrownBy(() -> configure("bant", null, json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[0].id: must be 1-32 lower-case letters")
                .hasMessageContaining("[0].label: is required")
                .hasMessageContaining("[0].fields: must be an array of 1-20 fields")
                .hasMessageContaining("[1].colour: unknown property")
                .hasMessageContaining("[1].fields[0].key: must be 1-64 letters or digits")
                .hasMessageContaining("[1].fields[1].required: must be true or false")
                .hasMessageContaining("[1].fields[1].maxLength: must be a whole number from 1 to 5000")
                .hasMessageContaining("[1].fields[3].key: 'c' is used twice");
        assertThatThrownBy(() -> configure("bant", null, "{\"id\": \"x\"}")).hasMessageContaining("must be a JSON array");
        assertThatThrownBy(() -> configure("bant", null, "[{")).hasMessageContaining("not JSON");
    }

    @Test
    void bantMayBeRewordedButNotReshapedBecauseLeadQualifiedCarriesItsAnswersAsBant() {
        String reworded = """
                [{"id": "bant", "label": "BANT (EMEA)", "fields": [
                   {"key": "budget", "label": "Budget (EUR)"}, {"key": "authority", "label": "Signer"},
                   {"key": "need", "label": "Need", "maxLength": 1500}, {"key": "timeline", "label": "Go-live"}]}]
                """;
        assertThat(configure("bant", null, reworded).defaultTemplate().label()).isEqualTo("BANT (EMEA)");

        String reshaped = """
                [{"id": "bant", "label": "BANT", "fields": [
                   {"key": "budget", "label": "Budget"}, {"key": "authority", "label": "Authority"},
                   {"key": "need", "label": "Need"}]}]
                """;
        String optionalOrLonger = """
                [{"id": "bant", "label": "BANT", "fields": [
                   {"key": "budget", "label": "Budget", "required": false}, {"key": "authority", "label": "Authority"},
                   {"key": "need", "label": "Need", "maxLength": 3000}, {"key": "timeline", "label": "Timeline"}]}]
                """;
        assertThatThrownBy(() -> configure("bant", null, reshaped))
                .hasMessageContaining("must have exactly the fields budget, authority, need, timeline");
        assertThatThrownBy(() -> configure("bant", null, optionalOrLonger))
                .hasMessageContaining("bant's budget must be required and at most 500 characters")
                .hasMessageContaining("bant's need must be required and at most 2000 characters");
    }

    @Test
    void anUnknownOfferedIdOrADefaultThatIsNotOfferedStopsTheService() {
        assertThatThrownBy(() -> configure("bant", List.of("meddic", "spin"), null))
                .hasMessageContaining("offered: there is no template 'spin' (known: bant, meddic, champ)")
                .hasMessageContaining("template: the default 'bant' is not an offered template (offered: meddic)");
        assertThatThrownBy(() -> configure("meddic", List.of("meddic", "meddic"), null))
                .hasMessageContaining("'meddic' is listed twice");
        assertThatThrownBy(() -> configure("spin", null, null))
                .hasMessageContaining("the default 'spin' is not an offered template");
    }
}
