package io.leadflow.capture.domain;

import io.leadflow.capture.domain.WebhookSignature.Outcome;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    private static final String SECRET = "whsec_test_secret";
    private static final String OTHER = "whsec_other_secret";
    private static final byte[] BODY = "{\"id\":\"evt_1\",\"contact\":{\"email\":\"ada@acme.com\"}}".getBytes(StandardCharsets.UTF_8);
    private static final long T = 1_767_225_600L; // 2026-01-01T00:00:00Z
    private static final Instant NOW = Instant.ofEpochSecond(T + 30);

    private final WebhookSignature signature = new WebhookSignature(Duration.ofMinutes(5));

    private Outcome verify(String header, byte[] body, List<String> secrets, Instant now) {
        return signature.verify(header, body, secrets, now);
    }

    @Test
    void aDeliverySignedWithTheSourceSecretIsValid() {
        assertThat(verify(WebhookSignature.header(SECRET, T, BODY), BODY, List.of(SECRET), NOW)).isEqualTo(Outcome.VALID);
    }

    @Test
    void theSignatureIsHmacSha256OfTimestampDotBodyAsOpensslComputesIt() {
        // printf '%s' '1767225600.{"id":"evt_1","contact":{"email":"ada@acme.com"}}' | openssl dgst -sha256 -hmac whsec_test_secret
        assertThat(WebhookSignature.sign(SECRET, T, BODY))
                .isEqualTo("d872c7ea3d96113bf0349022b778d2d013a9977b8d866644d2b1189ad7227334");
    }

    @Test
    void theWorkedExampleOfTheReadmeIsRight() {
        String secret = "whsec_Vr1Nq3cXo2b5m8Lk4TzP7yWs0AhGdEfJuKiMnBvCx9Q";
        byte[] body = ("{\"id\":\"lead_8812\",\"contact\":{\"email\":\"ada@acme-robotics.com\",\"first_name\":\"Ada\","
                + "\"last_name\":\"Lovelace\",\"company\":\"Acme Robotics\"},\"tracking\":{\"source\":\"linkedin\","
                + "\"campaign\":\"q1-demo\"}}").getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookSignature.header(secret, 1_767_225_600L, body))
                .isEqualTo("t=1767225600,v1=58a52368e65eb5e292415e4d48e61dd3ce985091ae7c32242b74e98a862faaba");
    }

    @Test
    void anotherSecretDoesNotMatch() {
        assertThat(verify(WebhookSignature.header(OTHER, T, BODY), BODY, List.of(SECRET), NOW)).isEqualTo(Outcome.MISMATCH);
    }

    @Test
    void oneTamperedByteOfTheBodyDoesNotMatch() {
        byte[] tampered = BODY.clone();
        tampered[tampered.length - 3] ^= 1;
        assertThat(verify(WebhookSignature.header(SECRET, T, BODY), tampered, List.of(SECRET), NOW)).isEqualTo(Outcome.MISMATCH);
    }

    @Test
    void aChangedTimestampDoesNotMatch() {
        String signedAtT = WebhookSignature.sign(SECRET, T, BODY);
        assertThat(verify("t=" + (T + 1) + ",v1=" + signedAtT, BODY, List.of(SECRET), NOW)).isEqualTo(Outcome.MISMATCH);
    }

    @Test
    void aTimestampOlderThanTheToleranceIsRefusedEvenWhenTheSignatureIsRight() {
        String header = WebhookSignature.header(SECRET, T, BODY);
        assertThat(verify(header, BODY, List.of(SECRET), Instant.ofEpochSecond(T + 300))).isEqualTo(Outcome.VALID);
        assertThat(verify(header, BODY, List.of(SECRET), Instant.ofEpochSecond(T + 301))).isEqualTo(Outcome.OUTSIDE_TOLERANCE);
    }

    @Test
    void aTimestampFromTheFutureBeyondTheToleranceIsRefused() {
        String header = WebhookSignature.header(SECRET, T, BODY);
        assertThat(verify(header, BODY, List.of(SECRET), Instant.ofEpochSecond(T - 300))).isEqualTo(Outcome.VALID);
        assertThat(verify(header, BODY, List.of(SECRET), Instant.ofEpochSecond(T - 301))).isEqualTo(Outcome.OUTSIDE_TOLERANCE);
    }

    @Test
    void aMissingHeaderIsMissing() {
        assertThat(verify(null, BODY, List.of(SECRET), NOW)).isEqualTo(Outcome.MISSING);
        assertThat(verify("  ", BODY, List.of(SECRET), NOW)).isEqualTo(Outcome.MISSING);
    }

    @Test
    void malformedHeadersAreMalformed() {
        String v1 = WebhookSignature.sign(SECRET, T, BODY);
        for (String header : List.of(
                "v1=" + v1,                                   // no timestamp
                "t=" + T,                                     // no signature
                "t=" + T + ",v0=" + v1,                       // no v1 signature
                "t=abc,v1=" + v1,                             // timestamp not a number
                "t=-5,v1=" + v1,                              // negative
                "t=" + T + ",t=" + T + ",v1=" + v1,           // two timestamps
                "t=" + T + ",v1=" + v1.substring(2),          // short signature
                "t=" + T + ",v1=" + v1.replace(v1.charAt(0), 'z'), // not hex
                "t=" + T + ";v1=" + v1,                       // wrong separator
                "sha256=" + v1,                               // another provider's scheme
                "t=" + T + ",v1=" + v1 + ",x".repeat(2000))) { // absurdly long
            assertThat(verify(header, BODY, List.of(SECRET), NOW)).as(header).isEqualTo(Outcome.MALFORMED);
        }
    }

    @Test
    void spacesAroundEntriesAndUnknownSchemesAreTolerated() {
        String v1 = WebhookSignature.sign(SECRET, T, BODY);
        assertThat(verify(" t=" + T + ", v0=abc , v1=" + v1.toUpperCase(), BODY, List.of(SECRET), NOW)).isEqualTo(Outcome.VALID);
    }

    @Test
    void duringARotationEitherSecretAndEitherEntryMatch() {
        String signedWithOld = WebhookSignature.sign(OTHER, T, BODY);
        String signedWithNew = WebhookSignature.sign(SECRET, T, BODY);
        String both = "t=" + T + ",v1=" + signedWithOld + ",v1=" + signedWithNew;
        // The sender signs with both; the receiver knows only the new secret, or both.
        assertThat(verify(both, BODY, List.of(SECRET), NOW)).isEqualTo(Outcome.VALID);
        assertThat(verify(both, BODY, List.of(SECRET, OTHER), NOW)).isEqualTo(Outcome.VALID);
        // The sender still signs with the old secret only; the receiver keeps it during the grace period.
        assertThat(verify("t=" + T + ",v1=" + signedWithOld, BODY, List.of(SECRET, OTHER), NOW)).isEqualTo(Outcome.VALID);
        assertThat(verify("t=" + T + ",v1=" + signedWithOld, BODY, List.of(SECRET), NOW)).isEqualTo(Outcome.MISMATCH);
    }

    @Test
    void withoutAnySecretNothingMatches() {
        assertThat(verify(WebhookSignature.header(SECRET, T, BODY), BODY, List.of(), NOW)).isEqualTo(Outcome.MISMATCH);
    }
}
