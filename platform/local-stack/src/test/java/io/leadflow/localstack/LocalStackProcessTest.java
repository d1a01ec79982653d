package io.leadflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stack in a child JVM, and the promise that a killed child takes its PostgreSQL with it. */
class LocalStackProcessTest {

    @Test
    void aKilledChildLeavesNoPostgresBehind() throws Exception {
        LocalStackProcess stack = LocalStackProcess.startEphemeral(Path.of("target/leadflow-stack-process-test").toAbsolutePath());
        try {
            Endpoints endpoints = stack.endpoints();
            assertThat(endpoints.kafkaBootstrapServers()).startsWith("localhost:");
            assertThat(endpoints.connectUrl()).startsWith("http://localhost:");
            assertThat(endpoints.keyDir().resolve(LocalKeys.PUBLIC_KEY_FILE)).exists();
            assertThat(postgresOnPort(endpoints.pgPort())).isNotEmpty();

            stack.handle().destroyForcibly(); // SIGKILL: no shutdown hook runs in the child

            await().atMost(Duration.ofSeconds(30)).until(() -> postgresOnPort(endpoints.pgPort()).isEmpty());
        } finally {
            stack.close();
        }
    }

    private static List<ProcessHandle> postgresOnPort(int port) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine()
                        .map(c -> c.contains("bin/postgres") && c.contains("-p " + port + " ")).orElse(false))
                .toList();
    }
}
