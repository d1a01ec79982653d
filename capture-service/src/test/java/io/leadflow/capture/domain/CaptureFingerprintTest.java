package io.leadflow.capture.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The SHA-256 an idempotency key is compared with: stable across versions for the same submission. */
class CaptureFingerprintTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A submission as it was before it carried the state and the company details. */
    private record Before(String email, String firstName, String lastName, String company, String jobTitle, String phone,
                          String country, String message, Consent consent, Utm utm, String pageUrl, String referrer,
                          String formId, String hp, String renderedAt, String firstSeenAt, String visitorId) {
    }

    @Test
    void aSubmissionWithoutTheNewDetailsKeepsTheFingerprintItHadBeforeThem() throws Exception {
        Consent consent = new Consent(true, "I agree", "2026-01");
        Utm utm = new Utm("google", "cpc", "q4-demo", null, null);
        LeadSubmission now = new LeadSubmission("ada@acme.com", "Ada", null, "Acme", "CTO", "+33612345678", "FR", null,
                consent, utm, "https://acme.example/demo", null, "demo-request");
        Before before = new Before("ada@acme.com", "Ada", null, "Acme", "CTO", "+33612345678", "FR", null, consent, utm,
                "https://acme.example/demo", null, "demo-request", null, null, null, null);

        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(MAPPER.writeValueAsBytes(List.of("API", before))));
        assertThat(CaptureService.fingerprint(MAPPER, now, Channel.API)).isEqualTo(expected);
    }

    @Test
    void theNewDetailsCountWhenGiven() {
        LeadSubmission without = new LeadSubmission("ada@acme.com", null, null, null, null, null, null, null, null, null,
                null, null, null);
        LeadSubmission with = new LeadSubmission("ada@acme.com", null, null, null, null, null, null, null, null,
                "acme.com", null, null, null, null, null, null, null, null, null, null, null, null);

        assertThat(CaptureService.fingerprint(MAPPER, with, Channel.API))
                .isNotEqualTo(CaptureService.fingerprint(MAPPER, without, Channel.API));
    }
}
