package io.leadflow.capture.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataTest {

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "https://acme.example/demo?email=ada%40acme.com&utm_source=google#form, https://acme.example/demo",
            "https://acme.example:8443/pricing, https://acme.example:8443/pricing",
            "https://ada:secret@acme.example/p?x=1, https://acme.example/p",
            "https://acme.example, https://acme.example",
            "not a url, null",
            "/relative/path?x=1, null",
            "null, null"})
    void aUrlKeepsItsOriginAndPathOnly(String url, String expected) {
        assertThat(PersonalData.withoutQuery(url)).isEqualTo(expected);
    }

    @Test
    void erasureClearsTheStateAndTheCompanyDetailsLikeTheCompany() {
        Submission submission = Submission.of(new LeadSubmission("ada@acme.com", "Ada", null, "Acme", null, null, "US", null,
                "California", "acme.com", "SaaS", "11-50", "$10M", null, null, null, null, null, null, null, null, null),
                null, Channel.API, Instant.parse("2026-11-30T10:00:00Z"));
        Lead lead = Lead.firstFrom(submission);

        PersonalData.erase(lead);
        PersonalData.erase(submission);

        assertThat(new String[] {lead.company, lead.state, lead.website, lead.industry, lead.employees, lead.revenue})
                .containsOnlyNulls();
        assertThat(new String[] {submission.company, submission.state, submission.website, submission.industry,
                submission.employees, submission.revenue}).containsOnlyNulls();
        assertThat(lead.country).as("not about anyone: kept").isEqualTo("US");
    }
}
