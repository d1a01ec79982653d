package io.leadflow.routing.domain;

import io.leadflow.web.FieldError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QualificationTest {

    @Test
    void fourAnswersMakeAQualificationWithTrimmedTextAndBlankNotesDropped() {
        Qualification.Result result = Qualification.of(" 50k EUR ", "VP Sales", "Leads wait a day", "Q1", "  ");

        assertThat(result.valid()).isTrue();
        assertThat(result.qualification().bant()).isEqualTo(new Qualification.Bant("50k EUR", "VP Sales", "Leads wait a day", "Q1"));
        assertThat(result.qualification().notes()).isNull();
    }

    @Test
    void everyMissingOrBlankAnswerIsNamed() {
        Qualification.Result result = Qualification.of("50k", null, " ", null, null);

        assertThat(result.errors()).extracting(FieldError::field)
                .containsExactly("bant.authority", "bant.need", "bant.timeline");
        assertThat(result.errors()).extracting(FieldError::reason).containsOnly("is required");
    }

    @Test
    void answersLongerThanTheContractAllowsAreRefused() {
        Qualification.Result result = Qualification.of("b".repeat(501), "a".repeat(500), "n".repeat(2001), "t",
                "x".repeat(5001));

        assertThat(result.errors()).extracting(FieldError::field).containsExactly("bant.budget", "bant.need", "notes");
    }
}
