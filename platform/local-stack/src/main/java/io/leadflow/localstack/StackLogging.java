package io.leadflow.localstack;

import java.nio.file.Path;

/** Sends the servers' logs (log4j2 through SLF4J) to one file. Call before any Kafka class logs. */
public final class StackLogging {

    private StackLogging() {
    }

    public static void toFile(Path logFile) {
        System.setProperty("leadflow.stack.log", logFile.toAbsolutePath().toString());
        System.setProperty("log4j2.configurationFile", "leadflow-stack-log4j2.xml");
    }
}
