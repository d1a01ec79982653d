package io.leadflow.routing.notifications;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AcceptLinksTest {

    private static final byte[] KEY = "an-accept-link-key-of-32-bytes!!".getBytes(StandardCharsets.US_ASCII);
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private final AcceptLinks links = new AcceptLinks(KEY, Duration.ofDays(7));

    @Test
    void aSignedTokenNamesItsLeadAndSdrUntilItExpires() {
        UUID lead = UUID.randomUUID();
        String token = links.sign(lead, "sdr-1", NOW);
        AcceptLinks.Claim claim = links.verify(token, NOW.plusSeconds(60)).orElseThrow();
        assertThat(claim.leadId()).isEqualTo(lead);
        assertThat(claim.sdrId()).isEqualTo("sdr-1");
        assertThat(claim.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
        assertThat(links.verify(token, NOW.plus(Duration.ofDays(7)))).isEmpty();
    }

    @Test
    void aTamperedForgedOrForeignTokenIsRefused() {
        String token = links.sign(UUID.randomUUID(), "sdr-1", NOW);
        String payload = token.substring(0, token.indexOf('.'));
        String signature = token.substring(token.indexOf('.') + 1);
        // Another SDR's name under the same signature.
        String otherPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8)
                        .replace("sdr-1", "sdr-2").getBytes(StandardCharsets.UTF_8));
        assertThat(links.verify(otherPayload + "." + signature, NOW)).isEmpty();
        assertThat(links.verify(payload + "." + signature.substring(1), NOW)).isEmpty();
        AcceptLinks otherKey = new AcceptLinks("another-key-also-of-32-bytes!!!!".getBytes(StandardCharsets.US_ASCII),
                Duration.ofDays(7));
        assertThat(otherKey.verify(token, NOW)).isEmpty();
        for (String garbage : new String[]{null, "", ".", "abc", "a.b.c", "%%%.%%%", "x".repeat(2000)}) {
            assertThat(links.verify(garbage, NOW)).as(String.valueOf(garbage)).isEmpty();
        }
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> new AcceptLinks(new byte[16], Duration.ofDays(1)))
                .hasMessageContaining("at least 32 bytes");
    }
}
