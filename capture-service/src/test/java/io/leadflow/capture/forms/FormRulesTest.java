package io.leadflow.capture.forms;

import io.leadflow.capture.domain.Consent;
import io.leadflow.capture.domain.LeadSubmission;
import io.leadflow.capture.domain.Utm;
import io.leadflow.web.FieldError;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FormRulesTest {

    private static Form form(List<String> required, FormDefinition.ConsentText consent, FormDefinition.Attribution defaults) {
        return new Form("webinar", new FormDefinition("Webinar", List.of("https://www.acme.com"), required, consent,
                null, null, defaults, null), Instant.EPOCH, Instant.EPOCH);
    }

    private static LeadSubmission submission(String company, Consent consent, Utm utm) {
        return new LeadSubmission("ada@acme.com", "Ada", null, company, null, null, null, null, consent, utm, null, null,
                "webinar");
    }

    @Test
    void requiredFieldsAndConsentAreReportedTogether() {
        Form form = form(List.of("company", "consent", "jobTitle"), new FormDefinition.ConsentText("I agree", "v3"), null);

        List<FieldError> missing = FormRules.missing(form, submission("  ", new Consent(false, null, null), null));

        assertThat(missing).extracting(FieldError::field).containsExactly("company", "consent.marketing", "jobTitle");
        assertThat(FormRules.missing(form, new LeadSubmission("ada@acme.com", null, null, "Acme", "CTO", null, null, null,
                new Consent(true, null, null), null, null, null, "webinar"))).isEmpty();
    }

    @Test
    void aFormMayRequireTheStateAndTheCompanyDetails() {
        List<String> details = List.of("state", "website", "industry", "employees", "revenue");
        Form form = form(details, null, null);
        assertThat(form.definition().problems()).isEmpty();

        assertThat(FormRules.missing(form, submission("Acme", null, null))).extracting(FieldError::field)
                .containsExactlyElementsOf(details);
        LeadSubmission complete = new LeadSubmission("ada@acme.com", null, null, null, null, null, null, null, "Québec",
                "acme.ca", "Logiciel", "11-50", "5M$", null, null, null, null, "webinar", null, null, null, null);
        assertThat(FormRules.missing(form, complete)).isEmpty();
        assertThat(FormRules.withDefaults(form, complete)).as("the form's defaults keep them").isEqualTo(complete);
    }

    @Test
    void defaultsFillOnlyWhatTheSubmissionLeavesOut() {
        Form form = form(List.of(), new FormDefinition.ConsentText("I agree to hear from Acme", "2026-11"),
                new FormDefinition.Attribution("webinar", "event", "q4-webinar"));

        LeadSubmission s = FormRules.withDefaults(form, submission("Acme", new Consent(true, null, null),
                new Utm("linkedin", null, null, "routing", null)));

        assertThat(s.utm()).isEqualTo(new Utm("linkedin", "event", "q4-webinar", "routing", null));
        assertThat(s.consent()).isEqualTo(new Consent(true, "I agree to hear from Acme", "2026-11"));
        assertThat(FormRules.withDefaults(form, submission("Acme", null, null)).consent())
                .as("no consent given, none invented").isNull();
    }

    @Test
    void aDefinitionReportsEveryProblemWithItsField() {
        FormDefinition bad = new FormDefinition(" ", List.of("https://www.acme.com/contact", "acme.com", "https://ok.acme.com/"),
                List.of("company", "salary", "consent"), null, "javascript:alert(1)", "//evil.example/x",
                new FormDefinition.Attribution("s".repeat(201), null, null), 0);

        assertThat(bad.problems()).extracting(FieldError::field).containsExactlyInAnyOrder("name", "allowedOrigins[0]",
                "allowedOrigins[1]", "requiredFields[1]", "consent.text", "thankYouUrl", "errorUrl", "defaults.source",
                "rateLimitPerMinute");
        assertThat(bad.allowedOrigins()).as("an origin's trailing slash is dropped").contains("https://ok.acme.com");
        assertThat(new FormDefinition("Demo", List.of("https://www.acme.com"), List.of("consent"),
                new FormDefinition.ConsentText("I agree", "v1"), "https://www.acme.com/thanks", "/error.html", null, 120)
                .problems()).isEmpty();
    }
}
