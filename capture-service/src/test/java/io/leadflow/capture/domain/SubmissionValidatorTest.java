package io.leadflow.capture.domain;

import io.leadflow.web.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SubmissionValidatorTest {

    private static LeadSubmission withEmail(String email) {
        return new LeadSubmission(email, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void normalisesWhatItKeeps() {
        LeadSubmission raw = new LeadSubmission("  Ada.Lovelace@ACME-Robotics.COM ", " Ada ", "Lovelace",
                "Acme\u0301 Robotics", "VP Sales", "+44 20 7946 0958", "gb", "Hello", new Consent(true, " ok ", "v1"),
                new Utm(" google ", "cpc", "q4", null, null), "https://acme.example/demo", null, "demo-request");

        SubmissionValidator.Result result = SubmissionValidator.validate(raw);

        assertThat(result.valid()).isTrue();
        LeadSubmission s = result.submission();
        assertThat(s.email()).isEqualTo("Ada.Lovelace@acme-robotics.com");
        assertThat(s.firstName()).isEqualTo("Ada");
        assertThat(s.country()).isEqualTo("GB");
        assertThat(s.company()).isEqualTo("Acmé Robotics"); // NFC: e + combining acute -> é
        assertThat(s.utm().source()).isEqualTo("google");
        assertThat(s.consent().text()).isEqualTo("ok");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ada@acme.com            | true",
            "a.b+tag@sub.acme.co.uk  | true",
            "plainaddress            | false",
            "ada@acme                | false",
            "ada@@acme.com           | false",
            "ada lovelace@acme.com   | false",
            ".ada@acme.com           | false",
            "ada@-acme.com           | false",
    })
    void emailShape(String email, boolean valid) {
        assertThat(SubmissionValidator.validate(withEmail(email)).valid()).isEqualTo(valid);
    }

    @Test
    void collectsEveryProblemAndNamesTheFields() {
        LeadSubmission raw = new LeadSubmission("", "x".repeat(101), null, null, null, "call me maybe", "XX", null,
                null, new Utm("s".repeat(201), null, null, null, null), "javascript:alert(1)", null, "bad id!");

        assertThat(SubmissionValidator.validate(raw).errors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("email", "firstName", "phone", "country", "utm.source", "pageUrl", "formId");
    }

    @Test
    void blankOptionalFieldsBecomeAbsent() {
        LeadSubmission raw = new LeadSubmission("ada@acme.com", "  ", "", null, null, null, null, null, null, null,
                null, null, null);
        LeadSubmission s = SubmissionValidator.validate(raw).submission();
        assertThat(s.firstName()).isNull();
        assertThat(s.lastName()).isNull();
    }

    @Test
    void controlCharactersAreRefusedButNewlinesInAMessageAreKept() {
        LeadSubmission raw = new LeadSubmission("ada@acme.com", "Ada\u0000", null, null, null, null, null,
                "line one\nline two", null, null, null, null, null);
        SubmissionValidator.Result result = SubmissionValidator.validate(raw);
        assertThat(result.errors()).extracting(FieldError::field).containsExactly("firstName");
    }
}
