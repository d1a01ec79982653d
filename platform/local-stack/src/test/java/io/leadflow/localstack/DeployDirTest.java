package io.leadflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeployDirTest {

    @Test
    void replacesTheEnvPlaceholdersTextually() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("database.hostname", "${env:LEADFLOW_PG_HOST}");
        config.put("database.port", "${env:LEADFLOW_PG_PORT}");
        config.put("database.user", "${env:LEADFLOW_PG_USER}");
        config.put("database.password", "${env:LEADFLOW_PG_PASSWORD}");
        config.put("transforms.outbox.route.topic.replacement", "leads.${routedByValue}.v1");

        Map<String, String> resolved = DeployDir.resolvePlaceholders(config, Map.of(
                "LEADFLOW_PG_HOST", "localhost", "LEADFLOW_PG_PORT", "15432",
                "LEADFLOW_PG_USER", "leadflow", "LEADFLOW_PG_PASSWORD", "secret"));

        assertThat(resolved)
                .containsEntry("database.hostname", "localhost")
                .containsEntry("database.port", "15432")
                .containsEntry("database.user", "leadflow")
                .containsEntry("database.password", "secret")
                // Debezium's own placeholder is not ours to touch
                .containsEntry("transforms.outbox.route.topic.replacement", "leads.${routedByValue}.v1");
    }

    @Test
    void readsTheRepositorysTopicsAndConnectors() {
        DeployDir deploy = new DeployDir(DeployDir.locate());

        assertThat(deploy.topics()).anySatisfy(t -> {
            assertThat(t.name()).isEqualTo("leads.capture.v1");
            assertThat(t.partitions()).isEqualTo(6);
        });
        assertThat(deploy.connectors()).anySatisfy(c -> {
            assertThat(c.name()).isEqualTo("capture-outbox");
            assertThat(c.database()).isEqualTo("capture");
            assertThat(c.slot()).isEqualTo("capture_outbox");
            assertThat(c.heartbeatTopic()).isEqualTo("__debezium-heartbeat.capture");
        });
    }
}
