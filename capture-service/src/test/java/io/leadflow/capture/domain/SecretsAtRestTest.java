package io.leadflow.capture.domain;

import org.junit.jupiter.api.Test;

import javax.crypto.spec.SecretKeySpec;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretsAtRestTest {

    private static SecretKeySpec key(int fill) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) fill);
        return SecretsAtRest.parseKey(Base64.getEncoder().encodeToString(bytes));
    }

    @Test
    void aSecretIsStoredEncryptedWithItsOwnNonceAndReadBack() {
        String secret = "whsec_3q2-7Yb0S1xJdPqFQmM8WzL0";
        String once = SecretsAtRest.encrypt(secret, key(1));
        String twice = SecretsAtRest.encrypt(secret, key(1));

        assertThat(once).startsWith("aesgcm1:").doesNotContain("3q2-7Yb0S1xJdPqFQmM8WzL0").isNotEqualTo(twice);
        assertThat(SecretsAtRest.decrypt(once, key(1))).isEqualTo(secret);
        assertThat(SecretsAtRest.decrypt(twice, key(1))).isEqualTo(secret);
        assertThat(once.length()).isLessThanOrEqualTo(200); // the column (V13)
    }

    @Test
    void anAlteredValueOrAnotherKeyFailsInsteadOfGivingAWrongSecret() {
        String stored = SecretsAtRest.encrypt("whsec_abc", key(1));
        byte[] bytes = Base64.getDecoder().decode(stored.substring("aesgcm1:".length()));
        bytes[bytes.length - 20] ^= 1; // one bit of the ciphertext
        String altered = "aesgcm1:" + Base64.getEncoder().encodeToString(bytes);

        assertThatThrownBy(() -> SecretsAtRest.decrypt(altered, key(1))).hasMessageContaining("cannot be decrypted");
        assertThatThrownBy(() -> SecretsAtRest.decrypt(stored, key(2))).hasMessageContaining("cannot be decrypted");
    }

    @Test
    void aValueStoredBeforeEncryptionIsReadAsItIs() {
        assertThat(SecretsAtRest.isEncrypted("whsec_plain")).isFalse();
        assertThat(SecretsAtRest.decrypt("whsec_plain", key(1))).isEqualTo("whsec_plain");
    }

    @Test
    void theKeyMustBe32BytesOfBase64() {
        assertThatThrownBy(() -> SecretsAtRest.parseKey("not base64!")).hasMessageContaining("must be base64");
        assertThatThrownBy(() -> SecretsAtRest.parseKey(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("must be 32 bytes");
    }
}
