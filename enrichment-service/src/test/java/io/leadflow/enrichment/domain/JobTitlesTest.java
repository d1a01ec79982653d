package io.leadflow.enrichment.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The title rules' behaviours, one by one (their accuracy is JobTitlesAccuracyTest's). */
class JobTitlesTest {

    private final JobTitles titles = new JobTitles(TitleWords.shipped());

    @Test
    void noTitleIsUnknownAndDecidesNothing() {
        for (String none : new String[]{null, "", "   ", "---"}) {
            JobTitles.Person p = titles.read(none);
            assertThat(p.seniority()).isEqualTo(JobTitles.Seniority.UNKNOWN);
            assertThat(p.department()).isEqualTo(JobTitles.Department.UNKNOWN);
            assertThat(p.decisionMaker()).isFalse();
        }
    }

    @Test
    void eachAnswerSaysWhichWordsDecidedIt() {
        JobTitles.Person p = titles.read("SVP, Global Sales");
        assertThat(p.seniority()).isEqualTo(JobTitles.Seniority.VP);
        assertThat(p.seniorityEvidence()).isEqualTo("vice president");
        assertThat(p.department()).isEqualTo(JobTitles.Department.SALES);
        assertThat(p.departmentEvidence()).isEqualTo("sales");
        assertThat(p.decisionMaker()).isTrue();
    }

    @Test
    void placeWordsFromTheGazetteerAreIgnoredAndCaseAccentsAndPunctuationDoNotMatter() {
        assertThat(titles.read("APAC / North America Marketing Director")).isEqualTo(titles.read("marketing director"));
        assertThat(titles.read("DIRECTRICE  GÉNÉRALE")).isEqualTo(titles.read("directrice generale"));
        assertThat(titles.read("Directrice générale").seniority()).isEqualTo(JobTitles.Seniority.C_LEVEL);
    }

    @Test
    void aFunctionTheRulesDoNotNameIsOtherNotUnknown() {
        JobTitles.Person p = titles.read("Claims Manager");
        assertThat(p.seniority()).isEqualTo(JobTitles.Seniority.MANAGER);
        assertThat(p.department()).isEqualTo(JobTitles.Department.OTHER);
        assertThat(p.departmentEvidence()).isEqualTo("function word (IPOD)");
    }

    @Test
    void whoSupportsALeaderTakesNoSeniorityFromThemAndAViceIsNotAPresident() {
        assertThat(titles.read("Assistant to the CEO").seniority()).isEqualTo(JobTitles.Seniority.INDIVIDUAL_CONTRIBUTOR);
        assertThat(titles.read("Assistant to the CEO").decisionMaker()).isFalse();
        assertThat(titles.read("Vice President of Marketing").department()).isEqualTo(JobTitles.Department.MARKETING);
        assertThat(titles.read("Product Owner").seniority()).isEqualTo(JobTitles.Seniority.INDIVIDUAL_CONTRIBUTOR);
    }
}
