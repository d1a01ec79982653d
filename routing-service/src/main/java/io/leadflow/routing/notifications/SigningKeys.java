package io.leadflow.routing.notifications;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/**
 * The notification keys, all derived from one signing key (HMAC-SHA256 with a label per use, so a key for one purpose
 * never signs for another): the accept links' key, and each webhook's secret from its id. A webhook secret is therefore
 * never stored: it is derived again when a delivery is signed, and changing the signing key changes every secret.
 */
public final class SigningKeys {

    static final int MIN_KEY_BYTES = 32;

    private final SecretKeySpec master;

    public SigningKeys(byte[] signingKey) {
        if (signingKey.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the signing key must be at least " + MIN_KEY_BYTES + " bytes, got "
                    + signingKey.length);
        }
        this.master = new SecretKeySpec(signingKey.clone(), "HmacSHA256");
    }

    /** The accept links, valid for {@code validity}. */
    public AcceptLinks acceptLinks(Duration validity) {
        return new AcceptLinks(derive("accept-links"), validity);
    }

    /** The secret a webhook's deliveries are signed with (shown to RevOps once, when the webhook is made). */
    public String webhookSecret(UUID webhookId) {
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(derive("webhook:" + webhookId));
    }

    private byte[] derive(String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(master);
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
