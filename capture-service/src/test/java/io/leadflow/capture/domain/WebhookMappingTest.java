package io.leadflow.capture.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.web.FieldError;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookMappingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<String, String> MAPPING = Map.of(
            "email", "/contact/email",
            "firstName", "/contact/first_name",
            "company", "/contact/company/name",
            "phone", "/contact/phone",
            "utm.source", "/tracking/source",
            "utm.campaign", "/answers/0/value",
            "consent.marketing", "/consent",
            "eventId", "/id");

    private static final Map<String, String> DEFAULTS = Map.of(
            "utm.source", "facebook", "utm.medium", "paid-social", "formId", "fb-lead-ad");

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static WebhookMapping.Mapped apply(String body) {
        return WebhookMapping.apply(MAPPING, DEFAULTS, json(body));
    }

    @Test
    void readsNestedValuesAndArrayElementsAtTheirPointers() {
        WebhookMapping.Mapped mapped = apply("""
                {"id":"evt_42","contact":{"email":"ada@acme.com","first_name":"Ada","company":{"name":"Acme"}},
                 "tracking":{"source":"linkedin"},"answers":[{"value":"q4-demo"}],"consent":true}""");

        assertThat(mapped.valid()).isTrue();
        assertThat(mapped.eventId()).isEqualTo("evt_42");
        LeadSubmission s = mapped.submission();
        assertThat(s.email()).isEqualTo("ada@acme.com");
        assertThat(s.firstName()).isEqualTo("Ada");
        assertThat(s.company()).isEqualTo("Acme");
        assertThat(s.utm().source()).isEqualTo("linkedin");
        assertThat(s.utm().campaign()).isEqualTo("q4-demo");
        assertThat(s.consent().marketing()).isTrue();
    }

    @Test
    void defaultsFillWhatTheBodyLeavesMissingNullOrBlank() {
        WebhookMapping.Mapped mapped = apply("""
                {"contact":{"email":"ada@acme.com"},"tracking":{"source":"  "}}""");

        LeadSubmission s = mapped.submission();
        assertThat(s.utm().source()).isEqualTo("facebook");
        assertThat(s.utm().medium()).isEqualTo("paid-social");
        assertThat(s.formId()).isEqualTo("fb-lead-ad");
        assertThat(s.firstName()).isNull();
        assertThat(s.consent()).isNull();
        assertThat(mapped.eventId()).isNull();
        assertThat(mapped.origins()).containsEntry("utm.source", "the source's default")
                .containsEntry("email", "mapped from /contact/email");

        assertThat(apply("{\"contact\":{\"email\":\"ada@acme.com\"},\"tracking\":{\"source\":null}}").submission().utm().source())
                .isEqualTo("facebook");
    }

    @Test
    void aValueFromTheBodyWinsOverTheDefault() {
        assertThat(apply("{\"contact\":{\"email\":\"a@b.co\"},\"tracking\":{\"source\":\"google\"}}").submission().utm().source())
                .isEqualTo("google");
    }

    @Test
    void numbersBecomeTheirPlainText() {
        WebhookMapping.Mapped mapped = apply("""
                {"id":9007199254740993123,"contact":{"email":"a@b.co","phone":33612345678,"company":{"name":1.50}}}""");

        assertThat(mapped.eventId()).isEqualTo("9007199254740993123");
        assertThat(mapped.submission().phone()).isEqualTo("33612345678");
        assertThat(mapped.submission().company()).isEqualTo("1.5");
    }

    @Test
    void objectsArraysAndBooleansInTextFieldsAreRefusedWithTheirPointer() {
        WebhookMapping.Mapped mapped = apply("""
                {"contact":{"email":["a@b.co"],"first_name":{"given":"Ada"},"company":{"name":true}}}""");

        assertThat(mapped.valid()).isFalse();
        assertThat(mapped.submission()).isNull();
        assertThat(mapped.errors()).containsExactlyInAnyOrder(
                new FieldError("email", "must be text or a number, found an array at /contact/email"),
                new FieldError("firstName", "must be text or a number, found an object at /contact/first_name"),
                new FieldError("company", "must be text or a number, found a boolean at /contact/company/name"));
    }

    @Test
    void consentAcceptsBooleansAndYesNoWordsOnly() {
        assertThat(apply("{\"contact\":{\"email\":\"a@b.co\"},\"consent\":\"yes\"}").submission().consent().marketing()).isTrue();
        assertThat(apply("{\"contact\":{\"email\":\"a@b.co\"},\"consent\":0}").submission().consent().marketing()).isFalse();
        assertThat(apply("{\"contact\":{\"email\":\"a@b.co\"},\"consent\":\"maybe\"}").errors())
                .extracting(FieldError::field).containsExactly("consent.marketing");
    }

    @Test
    void aMissingEmailIsLeftToTheCaptureWhichIsToldWhereItWasLookedFor() {
        WebhookMapping.Mapped mapped = apply("{\"contact\":{\"first_name\":\"Ada\"}}");

        assertThat(mapped.valid()).isTrue();
        assertThat(mapped.submission().email()).isNull();
        List<FieldError> captureErrors = SubmissionValidator.validate(mapped.submission()).errors();
        assertThat(mapped.explain(captureErrors))
                .containsExactly(new FieldError("email", "is required (mapped from /contact/email)"));
    }

    @Test
    void pointerEscapesAreHonoured() {
        Map<String, String> mapping = Map.of("email", "/fields/e~1mail", "company", "/fields/a~0b");
        WebhookMapping.Mapped mapped = WebhookMapping.apply(mapping, Map.of(),
                json("{\"fields\":{\"e/mail\":\"a@b.co\",\"a~b\":\"Acme\"}}"));
        assertThat(mapped.submission().email()).isEqualTo("a@b.co");
        assertThat(mapped.submission().company()).isEqualTo("Acme");
    }

    @Test
    void aGoodDefinitionHasNoErrors() {
        assertThat(WebhookMapping.check(MAPPING, DEFAULTS)).isEmpty();
        assertThat(WebhookMapping.check(Map.of("email", "/email"), null)).isEmpty();
    }

    @Test
    void aDefinitionIsCheckedFieldByField() {
        Map<String, String> mapping = new LinkedHashMap<>();
        mapping.put("nickname", "/nick");
        mapping.put("firstName", "contact/first_name");
        mapping.put("lastName", "/a~2b");
        mapping.put("company", "");
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("email", "x@y.co");
        defaults.put("colour", "blue");
        defaults.put("consent.marketing", "perhaps");
        defaults.put("formId", "not a form id!");
        defaults.put("utm.source", "x".repeat(201));

        List<FieldError> errors = WebhookMapping.check(mapping, defaults);

        assertThat(errors).extracting(FieldError::field).containsExactlyInAnyOrder(
                "mapping.nickname", "mapping.firstName", "mapping.lastName", "mapping.company", "mapping.email",
                "defaults.email", "defaults.colour", "defaults.consent.marketing", "defaults.formId", "defaults.utm.source");
        assertThat(errors).filteredOn(e -> e.field().equals("mapping.email"))
                .extracting(FieldError::reason).allMatch(r -> r.startsWith("is required"));
        assertThat(errors).filteredOn(e -> e.field().equals("mapping.firstName"))
                .extracting(FieldError::reason).allMatch(r -> r.contains("JSON Pointer"));
    }

    @Test
    void stateAndCompanyDetailsAreMappedAndDefaultedLikeTheCompany() {
        Map<String, String> mapping = Map.of("email", "/contact/email", "state", "/contact/address/region",
                "website", "/company/domain", "industry", "/company/industry", "employees", "/company/size",
                "revenue", "/company/revenue");
        Map<String, String> defaults = Map.of("industry", "Unknown", "revenue", "n/a");
        assertThat(WebhookMapping.check(mapping, defaults)).isEmpty();

        WebhookMapping.Mapped mapped = WebhookMapping.apply(mapping, defaults, json("""
                {"contact":{"email":"ada@acme.com","address":{"region":"Bavaria"}},
                 "company":{"domain":"acme.de","industry":"Maschinenbau","size":250}}"""));

        LeadSubmission s = mapped.submission();
        assertThat(s.state()).isEqualTo("Bavaria");
        assertThat(s.website()).isEqualTo("acme.de");
        assertThat(s.industry()).isEqualTo("Maschinenbau");
        assertThat(s.employees()).as("a number is its plain text").isEqualTo("250");
        assertThat(s.revenue()).isEqualTo("n/a");
        assertThat(mapped.origins()).containsEntry("revenue", "the source's default")
                .containsEntry("website", "mapped from /company/domain");
    }

    @Test
    void aDefaultTheCaptureWouldRefuseIsReportedForItsField() {
        assertThat(WebhookMapping.check(Map.of("email", "/email"), Map.of("website", "acme.com or acme.fr", "employees",
                "1".repeat(51)))).extracting(FieldError::field).containsExactlyInAnyOrder("defaults.website", "defaults.employees");
    }

    @Test
    void aMissingMappingIsRequired() {
        assertThat(WebhookMapping.check(null, Map.of())).extracting(FieldError::field).containsExactly("mapping");
    }
}
