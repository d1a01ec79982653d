package io.leadflow.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A child process that cannot outlive this JVM, even if this JVM is killed with SIGKILL.
 *
 * <p>The command runs under a tiny shell wrapper whose stdin is a pipe from this JVM. The wrapper
 * starts the command in the background and blocks in {@code cat}; when the pipe closes (we close it,
 * or the kernel closes it because we died) {@code cat} returns and the wrapper sends the command
 * {@code stopSignal} and waits for it, and kills it if it has not stopped 30 s later. JDK only: used
 * inside other modules' test JVMs.
 */
public final class ParentBoundProcess implements AutoCloseable {

    private static final String WRAPPER =
            "\"$@\" </dev/null & p=$!; "
            + "trap 'kill -%1$s $p 2>/dev/null; wait $p; exit' TERM; "
            // jcmd/jstack pointed at the wrapper instead of the JVM send SIGQUIT, whose default would
            // end the wrapper and orphan the command (set after the fork: the command keeps its own).
            + "trap '' QUIT; "
            + "cat >/dev/null; kill -%1$s $p 2>/dev/null; "
            // Our JVM is gone and nobody will force the stop: a command still alive 30 s after its
            // stop signal (a service whose shutdown hangs on a vanished broker) gets SIGKILL.
            + "(sleep 30; kill -KILL $p 2>/dev/null) & w=$!; wait $p; kill $w 2>/dev/null";

    private final String name;
    private final Process wrapper;

    private ParentBoundProcess(String name, Process wrapper) {
        this.name = name;
        this.wrapper = wrapper;
    }

    /**
     * Starts {@code command} with {@code env} added to this JVM's environment, output appended to {@code logFile}.
     *
     * @param stopSignal the signal that stops the command gracefully, e.g. {@code INT} (PostgreSQL fast shutdown)
     *                   or {@code TERM} (a Quarkus service)
     */
    public static ParentBoundProcess start(String name, List<String> command, Map<String, String> env,
                                           Path logFile, String stopSignal) throws IOException {
        List<String> full = new ArrayList<>(List.of("sh", "-c", String.format(WRAPPER, stopSignal), "sh"));
        full.addAll(command);
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        ProcessBuilder pb = new ProcessBuilder(full)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        pb.environment().putAll(env);
        return new ParentBoundProcess(name, pb.start());
    }

    public boolean isAlive() {
        return wrapper.isAlive();
    }

    public long pid() {
        return wrapper.pid();
    }

    public Process process() {
        return wrapper;
    }

    /** Graceful stop (close the pipe), then forceful after {@code grace}: kills the whole tree. */
    public void stop(Duration grace) {
        try (OutputStream in = wrapper.getOutputStream()) {
            in.flush();
        } catch (IOException ignored) {
            // the pipe is already closed: the wrapper is already stopping
        }
        try {
            if (!wrapper.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                System.err.println("[local-stack] " + name + " did not stop within " + grace + ", killing it");
                wrapper.descendants().forEach(ProcessHandle::destroyForcibly);
                wrapper.destroyForcibly();
                wrapper.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            wrapper.descendants().forEach(ProcessHandle::destroyForcibly);
            wrapper.destroyForcibly();
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(30));
    }
}
