package io.leadflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tokens verified the way smallrye-jwt verifies them: jose4j, RS256, the public key file. */
class TokensTest {

    @TempDir
    Path keyDir;

    @Test
    void signsAnSdrTokenThatVerifiesAgainstThePublicKey() throws Exception {
        String token = Tokens.forKeyDir(keyDir).forSdr("sdr-1");

        JwtClaims claims = verifier(keyDir).processToClaims(token);

        assertThat(claims.getIssuer()).isEqualTo("leadflow-local");
        assertThat(claims.getSubject()).isEqualTo("sdr-1");
        assertThat(claims.getStringClaimValue("upn")).isEqualTo("sdr-1");
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("sdr");
        assertThat(claims.getJwtId()).isNotBlank();
        assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue())
                .isEqualTo(Duration.ofHours(12).toSeconds());
    }

    @Test
    void signsRoleTokensForARoleUser() throws Exception {
        JwtClaims claims = verifier(keyDir).processToClaims(Tokens.forKeyDir(keyDir).forRole("revops"));

        assertThat(claims.getSubject()).isEqualTo("revops-user");
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("revops");
    }

    @Test
    void expiredTokensAreRejected() {
        Clock yesterday = Clock.fixed(Instant.now().minus(Duration.ofDays(1)), ZoneOffset.UTC);
        String token = Tokens.forKeyDir(keyDir).withLifetime(Duration.ofHours(1)).withClock(yesterday).forSdr("sdr-1");

        assertThatThrownBy(() -> verifier(keyDir).processToClaims(token)).isInstanceOf(InvalidJwtException.class);
    }

    @Test
    void keepsTheKeysAcrossUsesWithAPrivatePrivateKey() throws Exception {
        LocalKeys first = LocalKeys.inDir(keyDir);
        LocalKeys again = LocalKeys.inDir(keyDir);

        assertThat(again.publicKey()).isEqualTo(first.publicKey());
        assertThat(Files.readString(keyDir.resolve("publicKey.pem"))).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(Files.readString(keyDir.resolve("privateKey.pem"))).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyDir.resolve("privateKey.pem"))))
                .isEqualTo("rw-------");
    }

    private static JwtConsumer verifier(Path keyDir) {
        return new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireSubject()
                .setExpectedIssuer("leadflow-local")
                .setVerificationKey(LocalKeys.inDir(keyDir).publicKey())
                .build();
    }
}
