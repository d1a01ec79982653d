package io.leadflow.routing.notifications;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * One-click accept links in notifications: a token naming the lead, the SDR it was assigned to and an expiry, signed
 * with HMAC-SHA256 under the service's link key. Whoever holds the link can accept that lead for that SDR until it
 * expires, nothing else; a lead reassigned since is no longer the SDR's, and the accept is refused. The key is derived
 * from the signing key ({@link SigningKeys}). Pure: no framework.
 */
public final class AcceptLinks {

    /** What a valid token says. */
    public record Claim(UUID leadId, String sdrId, Instant expiresAt) {
    }

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final Duration validity;

    public AcceptLinks(byte[] key, Duration validity) {
        if (key.length < SigningKeys.MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the accept-link key must be at least " + SigningKeys.MIN_KEY_BYTES
                    + " bytes, got " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.validity = validity;
    }

    /** A token for the SDR's lead, valid from {@code now} for the configured time. */
    public String sign(UUID leadId, String sdrId, Instant now) {
        String payload = leadId + "|" + sdrId + "|" + now.plus(validity).getEpochSecond();
        String encoded = B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return encoded + "." + B64.encodeToString(mac(encoded));
    }

    /** The claim of a token that is well formed, signed with this key and not expired at {@code now}. */
    public Optional<Claim> verify(String token, Instant now) {
        if (token == null || token.length() > 1000) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        String encoded = token.substring(0, dot);
        try {
            // Constant time: the comparison must not tell an attacker how much of a forged signature was right.
            if (!MessageDigest.isEqual(mac(encoded), B64D.decode(token.substring(dot + 1)))) {
                return Optional.empty();
            }
            String[] parts = new String(B64D.decode(encoded), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 3) {
                return Optional.empty();
            }
            Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(parts[2]));
            if (!now.isBefore(expiresAt)) {
                return Optional.empty();
            }
            return Optional.of(new Claim(UUID.fromString(parts[0]), parts[1], expiresAt));
        } catch (IllegalArgumentException e) { // bad base64, number or UUID
            return Optional.empty();
        }
    }

    private byte[] mac(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
