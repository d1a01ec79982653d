package io.leadflow.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a {@link LocalStack} in a child JVM, so that the servers' libraries (Kafka 4.3.1, Scala, Jackson, log4j)
 * never meet the caller's classpath. JDK only: this class runs in services' test JVMs, where none of this
 * module's dependencies are present; the child's classpath comes from {@code runtime-classpath.txt}, written into
 * this module at build time. The child exits when its stdin closes, so a killed caller leaves nothing behind.
 */
public final class LocalStackProcess implements AutoCloseable {

    /**
     * JIT options of every JVM of the local platform (stack and services): C1 only, compiling at a tenth of the usual
     * invocation counts. Seven JVMs share two cores here; C2's compilations cost more CPU in the first minutes than
     * they save, and with C1's default counts much per-event code was still interpreted after hundreds of leads.
     */
    public static final List<String> QUICK_JIT = List.of("-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=0.1");

    private static final long READY_TIMEOUT_SECONDS = 120;
    private static final String MAIN_CLASS = "io.leadflow.localstack.LocalStackMain";

    private final Process child;
    private final Path logFile;
    private final Endpoints endpoints;

    private LocalStackProcess(Process child, Path logFile, Endpoints endpoints) {
        this.child = child;
        this.logFile = logFile;
        this.endpoints = endpoints;
    }

    /** An ephemeral stack in a temp dir, deleted when it stops; logs in {@code logDir}. */
    public static LocalStackProcess startEphemeral(Path logDir) throws IOException {
        return start(null, true, logDir);
    }

    /**
     * Starts the child and waits (up to 120 s) for its ready line.
     *
     * @param dataDir   the stack's data dir; {@code null} = a temp dir deleted when the stack stops
     * @param ephemeral test settings (PostgreSQL without fsync)
     * @param logDir    where {@code stack-process.log} (the child's stdout/stderr) and the server logs go
     */
    public static LocalStackProcess start(Path dataDir, boolean ephemeral, Path logDir) throws IOException {
        Files.createDirectories(logDir);
        Path logFile = logDir.resolve("stack-process.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xmx768m"));
        command.addAll(QUICK_JIT);
        String deployDir = System.getProperty("leadflow.deploy.dir");
        if (deployDir != null) {
            command.add("-Dleadflow.deploy.dir=" + deployDir);
        }
        // The main class by name: loading LocalStackMain here would drag in classes that are not on this classpath.
        command.addAll(List.of("-cp", classpath(), MAIN_CLASS, "--log-dir", logDir.toString()));
        if (dataDir != null) {
            command.addAll(List.of("--data-dir", dataDir.toString()));
        }
        if (ephemeral) {
            command.add("--ephemeral");
        }
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<Endpoints> ready = new CompletableFuture<>();
        Thread pump = new Thread(() -> pump(child.getInputStream(), logFile, ready), "leadflow-stack-output");
        pump.setDaemon(true);
        pump.start();
        try {
            Endpoints endpoints = ready.get(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return new LocalStackProcess(child, logFile, endpoints);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            destroy(child);
            throw new IOException("Interrupted while the local stack started", e);
        } catch (ExecutionException | TimeoutException e) {
            destroy(child);
            throw new IOException("The local stack did not start (" + e.getMessage() + "). Tail of " + logFile
                    + " (server logs: " + logDir.resolve("stack.log") + "):\n" + tail(logFile, 60), e);
        }
    }

    /** Copies the child's output to the log file and completes {@code ready} with the endpoints line. */
    private static void pump(InputStream output, Path logFile, CompletableFuture<Endpoints> ready) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8));
             Writer log = Files.newBufferedWriter(logFile, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            String line;
            while ((line = lines.readLine()) != null) {
                log.write(line);
                log.write('\n');
                log.flush();
                if (line.startsWith(LocalStackMain.READY + " ")) {
                    ready.complete(Endpoints.fromLine(line.substring(LocalStackMain.READY.length() + 1)));
                }
            }
        } catch (IOException | RuntimeException e) {
            ready.completeExceptionally(e);
        }
        ready.completeExceptionally(new IllegalStateException("the stack process exited"));
    }

    /** This module's classes (jar or target/classes) followed by its runtime dependencies. */
    static String classpath() {
        try (InputStream deps = LocalStackProcess.class.getResourceAsStream("runtime-classpath.txt")) {
            if (deps == null) {
                throw new IllegalStateException("runtime-classpath.txt missing: build platform/local-stack with Maven");
            }
            Path self = Path.of(LocalStackProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return self + java.io.File.pathSeparator + new String(deps.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    /** The child JVM. */
    public ProcessHandle handle() {
        return child.toHandle();
    }

    public Path logFile() {
        return logFile;
    }

    /** Closes the child's stdin (it stops its servers and exits), waits up to 30 s, then kills it. */
    @Override
    public void close() {
        try {
            child.getOutputStream().close();
        } catch (IOException ignored) {
            // already closed
        }
        try {
            if (!child.waitFor(30, TimeUnit.SECONDS)) {
                destroy(child);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            destroy(child);
        }
    }

    private static void destroy(Process child) {
        child.descendants().forEach(ProcessHandle::destroyForcibly);
        child.destroyForcibly();
    }
}
