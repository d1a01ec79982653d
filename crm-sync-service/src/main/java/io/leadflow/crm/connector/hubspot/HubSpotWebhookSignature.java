package io.leadflow.crm.connector.hubspot;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Verifies HubSpot's v3 request signature on a webhook:
 * {@code X-HubSpot-Signature-v3 = base64(HMAC-SHA256(clientSecret, method + uri + body + timestamp))}, with
 * {@code timestamp} the {@code X-HubSpot-Request-Timestamp} header (epoch milliseconds). A request more than five
 * minutes away from {@code now} is refused, so a captured request cannot be replayed later.
 *
 * <p>{@code uri} is the full URI HubSpot called ({@code https://host/path?query}), as configured for the webhook,
 * not as rebuilt from a Host header a proxy may have changed. HubSpot signs it with a few percent-encoded characters
 * decoded; {@link #signedUri(String)} does the same.
 *
 * <p>Pure: no clock, no I/O. One instance per app secret; thread-safe.
 */
public final class HubSpotWebhookSignature {

    public static final String SIGNATURE_HEADER = "X-HubSpot-Signature-v3";
    public static final String TIMESTAMP_HEADER = "X-HubSpot-Request-Timestamp";
    public static final Duration MAX_AGE = Duration.ofMinutes(5);

    /** The escapes HubSpot's documentation lists as decoded in the signed URI. */
    private static final Map<String, String> DECODED = Map.ofEntries(
            Map.entry("%3A", ":"), Map.entry("%2F", "/"), Map.entry("%3F", "?"), Map.entry("%40", "@"),
            Map.entry("%21", "!"), Map.entry("%24", "$"), Map.entry("%27", "'"), Map.entry("%28", "("),
            Map.entry("%29", ")"), Map.entry("%2A", "*"), Map.entry("%2C", ","), Map.entry("%3B", ";"));
    private static final Pattern ESCAPE = Pattern.compile("%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)",
            Pattern.CASE_INSENSITIVE);

    private final byte[] secret;

    /** @param clientSecret the app's client secret (not the private app token) */
    public HubSpotWebhookSignature(String clientSecret) {
        Objects.requireNonNull(clientSecret, "clientSecret");
        if (clientSecret.isEmpty()) {
            throw new IllegalArgumentException("HubSpot client secret must not be empty");
        }
        this.secret = clientSecret.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Whether the request is HubSpot's and recent. Any missing or malformed part is simply not valid.
     *
     * @param body the raw body as received: re-serialised JSON would not match
     */
    public boolean verify(String method, String uri, String body, String timestampHeader, String signatureHeader,
                          Instant now) {
        if (method == null || uri == null || timestampHeader == null || signatureHeader == null || now == null) {
            return false;
        }
        Instant sent;
        try {
            sent = Instant.ofEpochMilli(Long.parseLong(timestampHeader.trim()));
        } catch (NumberFormatException e) {
            return false;
        }
        // refuse old requests (replays), and ones dated far ahead, which would otherwise stay valid for as long
        if (Duration.between(sent, now).abs().compareTo(MAX_AGE) > 0) {
            return false;
        }
        byte[] expected = sign(method, uri, body, timestampHeader.trim()).getBytes(StandardCharsets.US_ASCII);
        byte[] actual = signatureHeader.trim().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual); // constant time: no byte-by-byte timing oracle
    }

    /** The signature HubSpot would send for this request. */
    public String sign(String method, String uri, String body, String timestamp) {
        String source = method.toUpperCase(Locale.ROOT) + signedUri(uri) + (body == null ? "" : body)
                + timestamp;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(source.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** The URI with the escapes HubSpot decodes before signing decoded, the others left as they are. */
    static String signedUri(String uri) {
        Matcher m = ESCAPE.matcher(uri);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(DECODED.get(m.group().toUpperCase(Locale.ROOT))));
        }
        return m.appendTail(out).toString();
    }
}
