package io.leadflow.capture.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressiveProfileTest {

    private static Submission submission(String firstName, String company, String jobTitle, String phone) {
        Submission s = Submission.of(new LeadSubmission("ada@acme.com", firstName, null, company, jobTitle, phone, null,
                null, null, null, null, null, null), phone, Channel.API, Instant.parse("2026-11-30T10:00:00Z"));
        return s;
    }

    @Test
    void aLaterSubmissionFillsOnlyTheGapsAndReportsWhatDisagrees() {
        Lead lead = Lead.firstFrom(submission("Ada", "Acme", null, null));
        Submission later = submission("ADA", "Acme Corp", "CTO", "+33612345678");

        lead.resubmitted(later);

        assertThat(lead.firstName).isEqualTo("Ada");
        assertThat(lead.company).isEqualTo("Acme");
        assertThat(lead.jobTitle).isEqualTo("CTO");
        assertThat(lead.phone).isEqualTo("+33612345678");
        assertThat(later.filled()).containsExactly("jobTitle", "phone");
        assertThat(later.conflicting()).as("a change of case is not a conflict").containsExactly("company");
        assertThat(later.leadId).isEqualTo(lead.id);
        assertThat(lead.submissionCount).isEqualTo(2);
    }

    private static Submission withCompanyDetails(String state, String website, String industry, String employees,
                                                 String revenue) {
        return Submission.of(new LeadSubmission("ada@acme.com", null, null, null, null, null, null, null, state, website,
                industry, employees, revenue, null, null, null, null, null, null, null, null, null), null, Channel.FORM,
                Instant.parse("2026-11-30T10:00:00Z"));
    }

    @Test
    void stateAndCompanyDetailsFillWhatTheLeadDoesNotKnowYetLikeTheCompany() {
        Submission first = withCompanyDetails(null, "acme.com", null, "11-50", null);
        Lead lead = Lead.firstFrom(first);
        assertThat(first.filled()).containsExactly("website", "employees");

        Submission later = withCompanyDetails("Bavaria", "https://www.acme.com/de", "SaaS", "11-50", "$10M");
        lead.resubmitted(later);

        assertThat(lead.state).isEqualTo("Bavaria");
        assertThat(lead.website).as("the first value given stays").isEqualTo("acme.com");
        assertThat(lead.industry).isEqualTo("SaaS");
        assertThat(lead.employees).isEqualTo("11-50");
        assertThat(lead.revenue).isEqualTo("$10M");
        assertThat(later.filled()).containsExactly("state", "industry", "revenue");
        assertThat(later.conflicting()).containsExactly("website");
        assertThat(later.website).as("the other value stays on the submission").isEqualTo("https://www.acme.com/de");
    }

    @Test
    void theFirstSubmissionFillsWhatItCarries() {
        Submission first = submission("Ada", null, "CTO", null);
        Lead lead = Lead.firstFrom(first);
        assertThat(first.filled()).containsExactly("firstName", "jobTitle");
        assertThat(lead.emailKey).isEqualTo("ada@acme.com");
    }

    @Test
    void theIdentityKeyIgnoresCaseAndTheDomainsUnicodeForm() {
        assertThat(LeadIdentity.emailKey("Ada@Bücher.de")).isEqualTo(LeadIdentity.emailKey("ada@xn--bcher-kva.de"));
        assertThat(LeadIdentity.emailKey("Ada.Lovelace@ACME.com")).isEqualTo("ada.lovelace@acme.com");
    }
}
