package io.leadflow.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Quarkus service ({@code quarkus-run.jar}) as a child process that cannot outlive this JVM (see
 * {@link ParentBoundProcess}; stopped with SIGTERM, Quarkus' graceful shutdown). Restartable. JDK only.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> env;
    private final Path logFile;
    private ParentBoundProcess process;

    public ServiceProcess(String name, Path jar, int port, Map<String, String> env, Path logFile) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.env = Map.copyOf(env);
        this.logFile = logFile;
    }

    /** Spawns the service (no waiting; see {@link #awaitReady}). */
    public synchronized void start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " missing: build the service first (./mvnw install -DskipTests)");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // C1 only: seven JVMs share the cores of a laptop or CI box, and C2's compile storms in a service's first
        // minutes doubled its CPU per lead and tripled the capture-to-SDR tail. C1 compiles at a tenth of its usual
        // invocation counts: with the default counts a service still interpreted much of its per-lead code after
        // hundreds of leads, at 1.5-2x the CPU per lead (measured: system-tests README, "Measured again").
        // LEADFLOW_SERVICE_JAVA_OPTS comes last, so "-XX:TieredStopAtLevel=4" there restores the full JIT.
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC"));
        command.addAll(LocalStackProcess.QUICK_JIT);
        String extra = System.getenv("LEADFLOW_SERVICE_JAVA_OPTS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString()));
        process = ParentBoundProcess.start(name, command, env, logFile, "TERM");
    }

    /** Waits until GET /q/health/ready answers 200; fails early, with the log's tail, if the process dies. */
    public void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isReady()) {
            if (!isAlive()) {
                throw new IllegalStateException(name + " exited during start-up. Tail of " + logFile + ":\n"
                        + LocalStackProcess.tail(logFile, 60));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " not ready within " + timeout + ". Tail of " + logFile + ":\n"
                        + LocalStackProcess.tail(logFile, 60));
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    /** True when GET /q/health/ready answers 200. */
    public boolean isReady() throws InterruptedException {
        try {
            HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Graceful stop (SIGTERM), forceful after 30 s. */
    public synchronized void stop() {
        if (process != null) {
            process.close();
            process = null;
        }
    }

    /**
     * Kills the service's JVM with SIGKILL, as a crash or the OOM killer would: no shutdown hook runs,
     * nothing in flight is committed or flushed.
     */
    public synchronized void kill() {
        if (process != null) {
            process.process().descendants().forEach(ProcessHandle::destroyForcibly);
            process.close();
            process = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public Path logFile() {
        return logFile;
    }
}
