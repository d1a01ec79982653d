package io.leadflow.routing.notifications;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The {@code X-Leadflow-Signature} header of a webhook delivery: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "<t>.<body>" under the webhook's secret>}. The receiver recomputes it over the raw body and refuses a mismatch or a
 * timestamp older than a few minutes (a replayed delivery). Pure: no framework.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Leadflow-Signature";

    private WebhookSignature() {
    }

    public static String header(String secret, long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(mac(secret, unixSeconds + "." + body));
    }

    /** What a receiver does: true when the header signs this body with this secret. */
    public static boolean verify(String secret, String header, String body) {
        if (header == null) {
            return false;
        }
        String t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            if (part.startsWith("t=")) {
                t = part.substring(2);
            } else if (part.startsWith("v1=")) {
                v1 = part.substring(3);
            }
        }
        if (t == null || v1 == null) {
            return false;
        }
        try {
            return MessageDigest.isEqual(mac(secret, t + "." + body), HexFormat.of().parseHex(v1));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] mac(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
