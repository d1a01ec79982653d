package io.leadflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wrapper that binds a service's JVM to the launcher: it stops the command, and nothing else ends it early. */
class ParentBoundProcessTest {

    @TempDir
    Path dir;

    @Test
    void closingThePipeStopsTheCommandWithItsStopSignal() throws Exception {
        Path marker = dir.resolve("stopped");
        ParentBoundProcess process = ParentBoundProcess.start("trap-test",
                List.of("sh", "-c", "trap 'touch " + marker + "; exit 0' TERM; while :; do sleep 0.1; done"),
                Map.of(), dir.resolve("trap-test.log"), "TERM");
        ProcessHandle command = awaitCommand(process);

        process.stop(Duration.ofSeconds(10));

        assertThat(command.isAlive()).isFalse();
        assertThat(marker).exists();
    }

    @Test
    void aQuitSignalToTheWrapperDoesNotOrphanTheCommand() throws Exception {
        // jcmd and jstack send SIGQUIT to attach; pointed at the wrapper by mistake they used to end it.
        ParentBoundProcess process = ParentBoundProcess.start("quit-test", List.of("sleep", "300"), Map.of(),
                dir.resolve("quit-test.log"), "TERM");
        ProcessHandle command = awaitCommand(process);

        new ProcessBuilder("kill", "-QUIT", Long.toString(process.pid())).start().waitFor();
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(process::isAlive);

        process.stop(Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(10)).until(() -> !command.isAlive());
    }

    private static ProcessHandle awaitCommand(ParentBoundProcess process) {
        return await().atMost(Duration.ofSeconds(10))
                .until(() -> process.process().children().findFirst().orElse(null), c -> c != null);
    }
}
