package io.leadflow.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Entry point of the stack's child JVM (see {@link LocalStackProcess}). Arguments: {@code [--data-dir DIR]
 * [--ephemeral] [--log-dir DIR]}. Prints {@value #READY} followed by the {@link Endpoints#toLine() endpoints} on
 * one stdout line once ready, then runs until its stdin reaches end of file (the parent closed it or died).
 * Server logs go to {@code <log dir>/stack.log}; failures to stderr.
 */
public final class LocalStackMain {

    public static final String READY = "LEADFLOW-STACK-READY";

    private LocalStackMain() {
    }

    public static void main(String[] args) {
        try {
            StackOptions.Builder options = StackOptions.fromEnvironment(System.getenv());
            Path dataDir = null;
            Path logDir = null;
            boolean ephemeral = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--data-dir" -> dataDir = Path.of(args[++i]);
                    case "--log-dir" -> logDir = Path.of(args[++i]);
                    case "--ephemeral" -> ephemeral = true;
                    default -> throw new IllegalArgumentException("Unknown argument " + args[i]
                            + "; usage: [--data-dir DIR] [--ephemeral] [--log-dir DIR]");
                }
            }
            if (logDir == null) {
                logDir = dataDir != null ? dataDir.resolve("logs") : Files.createTempDirectory("leadflow-stack-logs-");
            }
            Files.createDirectories(logDir);
            StackLogging.toFile(logDir.resolve("stack.log"));
            // From the start, not only once ready: a parent that dies during start-up must stop us too.
            Thread stdinWatcher = watchStdin();
            LocalStack stack = LocalStack.start(options.dataDir(dataDir).ephemeral(ephemeral).logDir(logDir).build());
            System.out.println(READY + " " + stack.endpoints().toLine());
            System.out.flush();
            System.err.println("[local-stack] ready in " + stack.startupTime().toMillis() + " ms");
            stdinWatcher.join(); // with only external servers nothing else keeps this JVM alive
        } catch (Throwable e) {
            System.err.println("[local-stack] failed to start");
            e.printStackTrace();
            // Kafka's non-daemon threads would keep this JVM alive; the shutdown hook stops what did start.
            System.exit(1);
        }
    }

    /** On end of file of stdin, exit; the stack's shutdown hook stops the servers. */
    private static Thread watchStdin() {
        Thread watcher = new Thread(() -> {
            try (InputStream in = System.in) {
                byte[] buffer = new byte[256];
                while (in.read(buffer) >= 0) {
                    // nothing to read but the end
                }
            } catch (IOException ignored) {
                // a broken pipe is an end too
            }
            System.exit(0);
        }, "leadflow-stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
        return watcher;
    }
}
