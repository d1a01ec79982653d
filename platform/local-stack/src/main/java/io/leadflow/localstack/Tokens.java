package io.leadflow.localstack;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/**
 * Signs RS256 JWTs with the {@link LocalKeys local key pair}, the shape smallrye-jwt verifies: {@code iss}
 * {@value #ISSUER}, {@code sub} and {@code upn} = the subject, {@code groups} = [role], {@code iat}, {@code exp},
 * {@code jti}.
 *
 * <p>Signed with the JDK alone (no jose4j) on purpose: this class runs in services' test JVMs, which depend on
 * this module with every transitive dependency excluded. The tests verify the tokens with jose4j.
 */
public final class Tokens {

    public static final String ISSUER = "leadflow-local";
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(12);

    private final LocalKeys keys;
    private final Duration lifetime;
    private final Clock clock;

    private Tokens(LocalKeys keys, Duration lifetime, Clock clock) {
        this.keys = keys;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** Tokens signed with the key pair in {@code keyDir} (generated if missing). */
    public static Tokens forKeyDir(Path keyDir) {
        return new Tokens(LocalKeys.inDir(keyDir), DEFAULT_LIFETIME, Clock.systemUTC());
    }

    public Tokens withLifetime(Duration newLifetime) {
        return new Tokens(keys, newLifetime, clock);
    }

    Tokens withClock(Clock newClock) {
        return new Tokens(keys, lifetime, newClock);
    }

    /** A token of an SDR: subject = {@code sdrId}, groups = ["sdr"]. */
    public String forSdr(String sdrId) {
        return sign(sdrId, "sdr");
    }

    /** A token of role {@code revops} or {@code admin}, for the user {@code <role>-user}. */
    public String forRole(String role) {
        return sign(role + "-user", role);
    }

    /** A token for any subject and role. */
    public String sign(String subject, String role) {
        long now = clock.instant().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":" + json(ISSUER)
                + ",\"sub\":" + json(subject)
                + ",\"upn\":" + json(subject)
                + ",\"groups\":[" + json(role) + "]"
                + ",\"iat\":" + now
                + ",\"exp\":" + (now + lifetime.toSeconds())
                + ",\"jti\":" + json(UUID.randomUUID().toString()) + "}";
        String signingInput = base64Url(header) + "." + base64Url(claims);
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(keys.privateKey());
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A JSON string literal. */
    static String json(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
