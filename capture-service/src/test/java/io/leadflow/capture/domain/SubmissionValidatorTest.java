package io.leadflow.capture.domain;

import io.leadflow.web.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

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
        assertThat(s.phone()).isEqualTo("+442079460958");
        assertThat(result.phoneRaw()).isEqualTo("+44 20 7946 0958");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "FR             | FR",
            "fra            | FR",
            "France         | FR",
            "Allemagne      | DE",
            "Germany        | DE",
            "États-Unis     | US",
            "Etats Unis     | US",
            "USA            | US",
            "United Kingdom | GB",
            "Royaume-Uni    | GB",
            "Côte d’Ivoire  | CI",
            "Suisse         | CH",
    })
    void countriesAreReadFromCodesAndEnglishOrFrenchNames(String typed, String alpha2) {
        assertThat(SubmissionValidator.validate(withCountry(typed)).submission().country()).isEqualTo(alpha2);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "06 12 34 56 78      | FR | +33612345678",
            "+33 6 12 34 56 78   |    | +33612345678",
            "0044 20 7946 0958   | FR | +442079460958",
            "(415) 555-2671      | US | +14155552671",
            "030 1234567         | DE | +49301234567",
    })
    void phonesBecomeE164WithTheCountryAsHint(String typed, String country, String e164) {
        LeadSubmission raw = new LeadSubmission("ada@acme.com", null, null, null, null, typed, country, null, null,
                null, null, null, null);
        SubmissionValidator.Result result = SubmissionValidator.validate(raw);
        assertThat(result.errors()).isEmpty();
        assertThat(result.submission().phone()).isEqualTo(e164);
        assertThat(result.phoneRaw()).isEqualTo(typed);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "06 12 34 56 78 |    | international prefix",
            "+33 1          | FR | too short",
            "12             | FR | ",
    })
    void phonesThatCannotBeReadAreRefusedWithTheReason(String typed, String country, String reason) {
        LeadSubmission raw = new LeadSubmission("ada@acme.com", null, null, null, null, typed, country, null, null,
                null, null, null, null);
        List<FieldError> errors = SubmissionValidator.validate(raw).errors();
        assertThat(errors).extracting(FieldError::field).containsExactly("phone");
        if (reason != null) {
            assertThat(errors.get(0).reason()).contains(reason);
        }
    }

    private static LeadSubmission withCountry(String country) {
        return new LeadSubmission("ada@acme.com", null, null, null, null, null, country, null, null, null, null, null, null);
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

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            " Ada@Bücher.DE           | Ada@bücher.de",
            "ada@xn--bcher-kva.de     | ada@bücher.de",
            "jürgen@straße.de         | jürgen@straße.de",
            "\"ada\"@acme.com         | ada@acme.com",
            "Rene\u0301@acme.com      | René@acme.com",
    })
    void emailIsTrimmedNfcAndItsDomainLowerCasedInUnicode(String typed, String stored) {
        assertThat(SubmissionValidator.validate(withEmail(" " + typed + "\n")).submission().email()).isEqualTo(stored);
    }

    @Test
    void anInvalidEmailIsRefusedWithTheParsersReason() {
        assertThat(SubmissionValidator.validate(withEmail("ada@acme")).errors())
                .containsExactly(new FieldError("email", "the part after @ is not a valid domain name: it should have a dot, as in company.com"));
        assertThat(SubmissionValidator.validate(withEmail("  ")).errors())
                .containsExactly(new FieldError("email", "is required"));
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

    private static LeadSubmission withCompanyDetails(String state, String website, String industry, String employees,
                                                     String revenue) {
        return new LeadSubmission("ada@acme.com", null, null, "Acme", null, null, "CA", null, state, website, industry,
                employees, revenue, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void stateAndCompanyDetailsAreKeptAsTypedAfterTrimmingAndNfc() {
        LeadSubmission s = SubmissionValidator.validate(withCompanyDetails(" Que\u0301bec ", " https://www.acme.com/fr\t",
                "Logiciel", " 50 salariés ", "5M€")).submission();

        assertThat(s.state()).isEqualTo("Québec");
        assertThat(s.website()).as("not normalised: enrichment does that").isEqualTo("https://www.acme.com/fr");
        assertThat(s.industry()).isEqualTo("Logiciel");
        assertThat(s.employees()).isEqualTo("50 salariés");
        assertThat(s.revenue()).isEqualTo("5M€");
        assertThat(SubmissionValidator.validate(withCompanyDetails("  ", "", null, " ", null)).submission())
                .as("blank is absent").extracting(LeadSubmission::state, LeadSubmission::website, LeadSubmission::employees)
                .containsOnlyNulls();
    }

    @Test
    void stateAndCompanyDetailsHaveTheirMaximumLengthInCharacters() {
        // Counted in characters, as PostgreSQL counts them: 100 accented letters are 200 bytes of UTF-8 and fit.
        assertThat(SubmissionValidator.validate(withCompanyDetails("é".repeat(100), "acme.com/" + "p".repeat(2039),
                "é".repeat(100), "é".repeat(50), "€".repeat(50))).errors()).isEmpty();

        assertThat(SubmissionValidator.validate(withCompanyDetails("é".repeat(101), "acme.com/" + "p".repeat(2040),
                "x".repeat(101), "1".repeat(51), "$".repeat(51))).errors()).containsExactlyInAnyOrder(
                new FieldError("state", "must be at most 100 characters"),
                new FieldError("website", "must be at most 2048 characters"),
                new FieldError("industry", "must be at most 100 characters"),
                new FieldError("employees", "must be at most 50 characters"),
                new FieldError("revenue", "must be at most 50 characters"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"acme.com www.acme.com", "https://www.acme.com/a page", "acme.com\u00A0/fr",
            "acme.com\nbeta.acme.com", "acme\t.com"})
    void aWebsiteWithSpacesInsideIsRefused(String website) {
        assertThat(SubmissionValidator.validate(withCompanyDetails(null, website, null, null, null)).errors())
                .containsExactly(new FieldError("website",
                        "must be a web site or domain without spaces, such as acme.com or https://www.acme.com"));
    }

    @Test
    void controlCharactersInStateAndCompanyDetailsAreRefusedNamingTheField() {
        assertThat(SubmissionValidator.validate(withCompanyDetails("CA\u0000", "acme.com\u0007", "Saa\u001BS", "11\r-50",
                "\u0085$10M")).errors()).containsExactlyInAnyOrder(
                new FieldError("state", "must not contain control characters"),
                new FieldError("website", "must not contain control characters"),
                new FieldError("industry", "must not contain control characters"),
                new FieldError("employees", "must not contain control characters"),
                new FieldError("revenue", "must not contain control characters"));
    }

    @Test
    void attributionTimestampsAndVisitorIdAreCheckedAndNormalised() {
        LeadSubmission ok = new LeadSubmission("ada@acme.com", null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, "1764496800000", "2026-11-01T09:00:00Z", "v-6f1c2a9e4b");
        LeadSubmission s = SubmissionValidator.validate(ok).submission();
        assertThat(s.renderedAt()).isEqualTo("2025-11-30T10:00:00Z");
        assertThat(s.firstSeenAt()).isEqualTo("2026-11-01T09:00:00Z");
        assertThat(s.visitorId()).isEqualTo("v-6f1c2a9e4b");

        LeadSubmission bad = new LeadSubmission("ada@acme.com", null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, "last tuesday", "<script>");
        assertThat(SubmissionValidator.validate(bad).errors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("firstSeenAt", "visitorId");
    }
}
