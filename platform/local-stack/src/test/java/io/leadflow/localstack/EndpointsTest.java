package io.leadflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EndpointsTest {

    private final Endpoints endpoints = new Endpoints("localhost:19092", "localhost", 15432, "leadflow",
            "p@ss word=&%", "http://localhost:18083", Path.of("/tmp/some dir/keys"));

    @Test
    void crossesAProcessBoundaryAsOneLine() {
        String line = endpoints.toLine();

        assertThat(line).doesNotContain("\n");
        assertThat(Endpoints.fromLine(line)).isEqualTo(endpoints);
        assertThat(Endpoints.fromProperties(endpoints.toProperties())).isEqualTo(endpoints);
    }

    @Test
    void buildsJdbcAndReactiveUrls() {
        assertThat(endpoints.jdbcUrl("capture")).isEqualTo("jdbc:postgresql://localhost:15432/capture");
        assertThat(endpoints.reactiveUrl("crm_sync")).isEqualTo("postgresql://localhost:15432/crm_sync");
        assertThat(endpoints.publicKeyUrl()).isEqualTo("file:///tmp/some%20dir/keys/publicKey.pem");
    }

    @Test
    void givesQuarkusTheConfigOfOneServiceDatabase() {
        assertThat(LocalStackTestResource.quarkusConfig(endpoints, "routing"))
                .containsEntry("kafka.bootstrap.servers", "localhost:19092")
                .containsEntry("quarkus.datasource.reactive.url", "postgresql://localhost:15432/routing")
                .containsEntry("quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:15432/routing")
                .containsEntry("quarkus.datasource.username", "leadflow")
                .containsEntry("quarkus.datasource.password", "p@ss word=&%")
                .containsEntry("mp.jwt.verify.publickey.location", "file:///tmp/some%20dir/keys/publicKey.pem")
                .containsEntry("mp.jwt.verify.issuer", "leadflow-local");
    }
}
