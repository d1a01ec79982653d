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
