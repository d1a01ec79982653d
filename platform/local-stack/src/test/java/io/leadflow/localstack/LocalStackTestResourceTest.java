package io.leadflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Base64;
import java.util.Map;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

/** What a service's @QuarkusTest gets: one shared stack, config for its database, tokens its JWT config accepts. */
class LocalStackTestResourceTest {

    @Test
    void pointsEachServiceAtItsDatabaseOnOneSharedStack() throws Exception {
        Map<String, String> capture = started("capture");
        Map<String, String> routing = started("routing");

        assertThat(routing.get("kafka.bootstrap.servers")).isEqualTo(capture.get("kafka.bootstrap.servers"));
        assertThat(routing.get("quarkus.datasource.reactive.url")).startsWith("postgresql://localhost:").endsWith("/routing");
        try (Connection c = DriverManager.getConnection(routing.get("quarkus.datasource.jdbc.url"),
                routing.get("quarkus.datasource.username"), routing.get("quarkus.datasource.password"))) {
            assertThat(c.getCatalog()).isEqualTo("routing");
        }
    }

    @Test
    void issuesTokensThatTheConfiguredPublicKeyVerifies() throws Exception {
        Map<String, String> config = started("sla");
        Path publicKey = Path.of(URI.create(config.get("mp.jwt.verify.publickey.location")));

        JwtClaims claims = new JwtConsumerBuilder()
                .setExpectedIssuer(config.get("mp.jwt.verify.issuer"))
                .setVerificationKey(readPublicKey(publicKey))
                .build()
                .processToClaims(TestTokens.revops());

        assertThat(claims.getStringListClaimValue("groups")).containsExactly("revops");
    }

    private static Map<String, String> started(String database) {
        LocalStackTestResource resource = new LocalStackTestResource();
        resource.init(Map.of("database", database));
        Map<String, String> config = resource.start();
        resource.stop(); // must not stop the shared stack
        return config;
    }

    private static PublicKey readPublicKey(Path pem) throws Exception {
        String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
