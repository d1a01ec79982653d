package io.leadflow.capture.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** An ad platform or partner tool that posts signed webhooks, and how a lead is read from its deliveries. */
@Entity
@Table(name = "webhook_source")
public class WebhookSource {

    /** What a secret starts with, so one found in a log or a repository is recognisable. */
    public static final String SECRET_PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    public String id;
    public String name;
    public boolean enabled;
    /** Lead field (API name, dotted for nested) -> JSON Pointer into a delivery's body; eventId for deduplication. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> mapping;
    /** Lead field -> value used when a delivery leaves the field empty. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> defaults;
    /** The HMAC key (its UTF-8 bytes). Never logged, never returned after it was made; encrypted in the database. */
    @Convert(converter = SecretsAtRest.class)
    public String secret;
    @Column(name = "secret_rotated_at")
    public Instant secretRotatedAt;
    /** The secret before the last rotation, still accepted until {@link #previousSecretExpiresAt}. */
    @Column(name = "previous_secret")
    @Convert(converter = SecretsAtRest.class)
    public String previousSecret;
    @Column(name = "previous_secret_expires_at")
    public Instant previousSecretExpiresAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** A new source with a fresh secret. */
    public static WebhookSource create(String id, WebhookSourceDefinition definition, Instant now) {
        WebhookSource source = new WebhookSource();
        source.id = id;
        source.define(definition, now);
        source.createdAt = now;
        source.secret = newSecret();
        source.secretRotatedAt = now;
        return source;
    }

    /** Replaces the definition; the secrets are kept. */
    public void define(WebhookSourceDefinition definition, Instant now) {
        name = definition.name().strip();
        enabled = definition.enabled() == null || definition.enabled();
        mapping = Map.copyOf(definition.mapping());
        defaults = definition.defaults() == null ? Map.of() : Map.copyOf(definition.defaults());
        updatedAt = now;
    }

    /** Makes a new secret; the current one stays valid for {@code grace}, the one before it (if any) ends now. */
    public String rotate(Instant now, Duration grace) {
        previousSecret = secret;
        previousSecretExpiresAt = now.plus(grace);
        secret = newSecret();
        secretRotatedAt = now;
        updatedAt = now;
        return secret;
    }

    /** The secrets a delivery signed at about {@code now} may use: the current one, and the previous one in its grace period. */
    public List<String> secretsValidAt(Instant now) {
        return previousSecret != null && previousSecretExpiresAt != null && now.isBefore(previousSecretExpiresAt)
                ? List.of(secret, previousSecret)
                : List.of(secret);
    }

    /** Enough of the secret for a person to tell which one a partner holds: its last four characters. */
    public String secretHint() {
        return SECRET_PREFIX + "..." + secret.substring(secret.length() - 4);
    }

    /** When the previous secret stops being accepted, or null when only the current one is. */
    public Instant previousSecretValidUntil(Instant now) {
        return previousSecret != null && previousSecretExpiresAt != null && now.isBefore(previousSecretExpiresAt)
                ? previousSecretExpiresAt : null;
    }

    // 32 random bytes (256 bits, the HMAC-SHA256 block's worth of key) as URL-safe base64: easy to paste anywhere.
    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
