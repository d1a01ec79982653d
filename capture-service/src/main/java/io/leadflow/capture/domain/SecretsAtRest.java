package io.leadflow.capture.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.eclipse.microprofile.config.ConfigProvider;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Webhook signing secrets as stored: AES-256-GCM under the key {@code leadflow.capture.webhooks.secret-key} (32 bytes,
 * base64; from the environment or a secret store, never from the database), so a dump or a backup of the database
 * does not hand anyone the secrets that let a partner's deliveries be forged. Each value gets its own random 96-bit
 * nonce; the stored text is {@code aesgcm1:} followed by base64 of nonce and ciphertext with its tag, and a value that
 * was tampered with, or encrypted under another key, fails to load instead of yielding a wrong secret. A value without
 * the prefix was stored before encryption (V7-V12): it is read as it is, and {@link WebhookSecretsAtRest} encrypts it at
 * start-up.
 */
@Converter
public class SecretsAtRest implements AttributeConverter<String, String> {

    static final String PREFIX = "aesgcm1:";
    public static final String KEY_PROPERTY = "leadflow.capture.webhooks.secret-key";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private static volatile SecretKeySpec key;

    @Override
    public String convertToDatabaseColumn(String secret) {
        return secret == null ? null : encrypt(secret, key());
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        return stored == null ? null : decrypt(stored, key());
    }

    /** Whether a stored value is already encrypted. */
    public static boolean isEncrypted(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    public static String encrypt(String secret) {
        return encrypt(secret, key());
    }

    static String encrypt(String secret, SecretKeySpec key) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = aes.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] stored = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, stored, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, stored, NONCE_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a webhook secret", e);
        }
    }

    static String decrypt(String stored, SecretKeySpec key) {
        if (!isEncrypted(stored)) {
            return stored;
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            return new String(aes.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a stored webhook secret cannot be decrypted with " + KEY_PROPERTY
                    + " (another key, or the value was altered)", e);
        }
    }

    /** The key from configuration; a missing or malformed key is a clear start-up or first-use failure. */
    static SecretKeySpec key() {
        SecretKeySpec k = key;
        if (k == null) {
            k = parseKey(ConfigProvider.getConfig().getOptionalValue(KEY_PROPERTY, String.class).orElseThrow(() ->
                    new IllegalStateException(KEY_PROPERTY + " is not set: give capture-service a 32-byte AES key, "
                            + "base64 (for example: openssl rand -base64 32), to encrypt webhook secrets at rest")));
            key = k;
        }
        return k;
    }

    static SecretKeySpec parseKey(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(KEY_PROPERTY + " must be base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(KEY_PROPERTY + " must be 32 bytes (AES-256), base64; it is " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
