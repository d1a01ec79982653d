package io.leadflow.capture.domain;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The signature of a webhook delivery, Stripe's scheme: header {@code Leadflow-Signature: t=<unix seconds>,v1=<hex>}
 * where v1 is HMAC-SHA256, keyed with the source's secret (its UTF-8 bytes), over {@code <t>.<raw body>}. Several v1
 * entries may be sent (a partner signing with both secrets while it switches); one match is enough. Entries of other
 * schemes are ignored, so a later v2 can be added without breaking senders. Pure logic: no I/O.
 */
public final class WebhookSignature {

    public static final String HEADER = "Leadflow-Signature";
    private static final String ALGORITHM = "HmacSHA256";
    private static final Pattern SECONDS = Pattern.compile("[0-9]{1,12}");
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    /** A header is a timestamp and a few signatures; anything much longer is not one. */
    private static final int MAX_HEADER_LENGTH = 2048;

    /** Why a delivery is refused, in words that never say more than which rule failed. */
    public enum Outcome {
        VALID("valid"),
        MISSING("missing"),
        MALFORMED("malformed"),
        OUTSIDE_TOLERANCE("expired or from the future"),
        MISMATCH("does not match");

        private final String reason;

        Outcome(String reason) {
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }

        /** The metric tag: signature-missing, signature-malformed, ... */
        public String slug() {
            return "signature-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private final Duration tolerance;

    /** {@code tolerance}: how far the signed timestamp may be from now, either way (replay window, clock skew). */
    public WebhookSignature(Duration tolerance) {
        if (tolerance.isNegative() || tolerance.isZero()) {
            throw new IllegalArgumentException("the tolerance must be positive");
        }
        this.tolerance = tolerance;
    }

    public Duration tolerance() {
        return tolerance;
    }

    /** Checks {@code header} against the exact body bytes with each secret that is valid now. */
    public Outcome verify(String header, byte[] body, Collection<String> secrets, Instant now) {
        if (header == null || header.isBlank()) {
            return Outcome.MISSING;
        }
        if (header.length() > MAX_HEADER_LENGTH) {
            return Outcome.MALFORMED;
        }
        String timestamp = null;
        List<byte[]> candidates = new ArrayList<>();
        for (String item : header.split(",")) {
            int eq = item.indexOf('=');
            if (eq < 0) {
                return Outcome.MALFORMED;
            }
            String key = item.substring(0, eq).strip();
            String value = item.substring(eq + 1).strip();
            if (key.equals("t")) {
                if (timestamp != null || !SECONDS.matcher(value).matches()) {
                    return Outcome.MALFORMED;
                }
                timestamp = value;
            } else if (key.equals("v1")) {
                if (!HEX_SHA256.matcher(value).matches()) {
                    return Outcome.MALFORMED;
                }
                candidates.add(HexFormat.of().parseHex(value));
            }
        }
        if (timestamp == null || candidates.isEmpty()) {
            return Outcome.MALFORMED;
        }
        long signedAt = Long.parseLong(timestamp);
        if (Math.abs(now.getEpochSecond() - signedAt) > tolerance.toSeconds()) {
            return Outcome.OUTSIDE_TOLERANCE;
        }
        boolean matched = false;
        for (String secret : secrets) {
            byte[] expected = hmac(secret, timestamp, body);
            for (byte[] candidate : candidates) {
                // Constant time, and no early exit: the time taken says nothing about which entry matched.
                matched |= MessageDigest.isEqual(expected, candidate);
            }
        }
        return matched ? Outcome.VALID : Outcome.MISMATCH;
    }

    /** The hex v1 signature of {@code body} signed at {@code unixSeconds}: what a sender computes. */
    public static String sign(String secret, long unixSeconds, byte[] body) {
        return HexFormat.of().formatHex(hmac(secret, Long.toString(unixSeconds), body));
    }

    /** A complete header value for one secret. */
    public static String header(String secret, long unixSeconds, byte[] body) {
        return "t=" + unixSeconds + ",v1=" + sign(secret, unixSeconds, body);
    }

    private static byte[] hmac(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
