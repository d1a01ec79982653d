package io.leadflow.crm.connector.hubspot;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class HubSpotWebhookSignatureTest {

    private static final String SECRET = "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy";
    private static final String URI = "https://hooks.leadflow.example/crm/hubspot/webhook";
    private static final String BODY = "[{\"eventId\":1,\"subscriptionId\":12345,\"portalId\":62515,"
            + "\"occurredAt\":1700000000000,\"subscriptionType\":\"deal.propertyChange\",\"attemptNumber\":0,"
            + "\"objectId\":123,\"propertyName\":\"dealstage\",\"propertyValue\":\"closedwon\",\"changeSource\":\"CRM\","
            + "\"appId\":54321}]";
    private static final String TIMESTAMP = "1700000000000";
    private static final Instant SENT = Instant.ofEpochMilli(1_700_000_000_000L);
    /** base64(HMAC-SHA256(SECRET, "POST" + URI + BODY + TIMESTAMP)), computed outside Java (Python's hmac). */
    private static final String KNOWN_SIGNATURE = "lmwJhDRNbd8FgcrLCHuuTWZ9Q9hekc7KhFWDclLJ3yI=";

    private final HubSpotWebhookSignature signature = new HubSpotWebhookSignature(SECRET);

    @Test
    void knownVector_verifies() {
        assertThat(signature.verify("POST", URI, BODY, TIMESTAMP, KNOWN_SIGNATURE, SENT.plusSeconds(3))).isTrue();
    }

    @Test
    void signatureComputedWithTheJdksHmac_verifies() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(
                mac.doFinal(("POST" + URI + BODY + TIMESTAMP).getBytes(StandardCharsets.UTF_8)));

        assertThat(expected).isEqualTo(KNOWN_SIGNATURE);
        assertThat(signature.sign("POST", URI, BODY, TIMESTAMP)).isEqualTo(expected);
    }

    @Test
    void wrongSecret_fails() {
        HubSpotWebhookSignature other = new HubSpotWebhookSignature("zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz");

        assertThat(other.verify("POST", URI, BODY, TIMESTAMP, KNOWN_SIGNATURE, SENT)).isFalse();
    }

    @Test
    void tamperedRequest_fails() {
        assertThat(signature.verify("POST", URI, BODY.replace("closedwon", "closedlost"), TIMESTAMP, KNOWN_SIGNATURE,
                SENT)).isFalse();
        assertThat(signature.verify("POST", URI + "?x=1", BODY, TIMESTAMP, KNOWN_SIGNATURE, SENT)).isFalse();
        assertThat(signature.verify("PUT", URI, BODY, TIMESTAMP, KNOWN_SIGNATURE, SENT)).isFalse();
        // the timestamp is signed too: moving it to look fresh breaks the signature
        String later = String.valueOf(SENT.plusSeconds(600).toEpochMilli());
        assertThat(signature.verify("POST", URI, BODY, later, KNOWN_SIGNATURE, SENT.plusSeconds(600))).isFalse();
    }

    @Test
    void staleOrFutureTimestamp_fails() {
        assertThat(signature.verify("POST", URI, BODY, TIMESTAMP, KNOWN_SIGNATURE,
                SENT.plus(Duration.ofMinutes(5)))).isTrue();
        assertThat(signature.verify("POST", URI, BODY, TIMESTAMP, KNOWN_SIGNATURE,
                SENT.plus(Duration.ofMinutes(5)).plusMillis(1))).isFalse();
        assertThat(signature.verify("POST", URI, BODY, TIMESTAMP, KNOWN_SIGNATURE,
                SENT.minus(Duration.ofMinutes(6)))).isFalse();
    }

    @Test
    void missingOrMalformedParts_fail() {
        assertThat(signature.verify("POST", URI, BODY, "yesterday", KNOWN_SIGNATURE, SENT)).isFalse();
        assertThat(signature.verify("POST", URI, BODY, null, KNOWN_SIGNATURE, SENT)).isFalse();
        assertThat(signature.verify("POST", URI, BODY, TIMESTAMP, null, SENT)).isFalse();
        assertThat(signature.verify("POST", URI, BODY, TIMESTAMP, "", SENT)).isFalse();
    }

    @Test
    void uriIsSignedWithHubSpotsDecodedCharacters() {
        // HubSpot signs ...?connection=eu:main even when the configured URI carries %3A (also computed in Python)
        String signed = "IUtzF/tZikhwht0PrQZcHZcJ5+w7PMdGi1DEA4jSYOQ=";

        assertThat(signature.verify("POST", URI + "?connection=eu%3Amain", BODY, TIMESTAMP, signed, SENT)).isTrue();
        assertThat(HubSpotWebhookSignature.signedUri("https://x.example/h?a=%3a%2F%20%40")).isEqualTo(
                "https://x.example/h?a=:/%20@");
    }
}
