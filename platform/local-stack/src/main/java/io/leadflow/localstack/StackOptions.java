package io.leadflow.localstack;

import java.nio.file.Path;
import java.util.Map;

/**
 * How to start a {@link LocalStack}. A {@code null} data dir means a temporary one, deleted on close.
 * Port 0 means "pick a free port". An external server (set from the environment by {@link #fromEnvironment})
 * replaces the one the stack would start; the stack still creates databases, topics and connectors on it.
 *
 * @param dataDir                where the servers keep their data; {@code null} = a temp dir deleted on close
 * @param ephemeral              test stack: PostgreSQL runs with {@code fsync=off}
 * @param logDir                 server logs; {@code null} = {@code <dataDir>/logs}
 * @param keyDir                 local JWT keys; {@code null} = {@code <dataDir>/keys}
 * @param deployDir              the repository's {@code deploy/} dir; {@code null} = {@link DeployDir#locate()}
 * @param shutdownHook           close the stack from a JVM shutdown hook (the launcher closes it itself)
 * @param externalKafka          bootstrap servers of an existing broker, or {@code null}
 * @param externalPostgres       an existing PostgreSQL, or {@code null}
 * @param externalConnectUrl     an existing Kafka Connect REST URL, or {@code null}
 */
public record StackOptions(Path dataDir, boolean ephemeral, Path logDir, Path keyDir, Path deployDir,
                           int kafkaPort, int controllerPort, int connectPort, int postgresPort,
                           boolean shutdownHook, String externalKafka, ExternalPostgres externalPostgres,
                           String externalConnectUrl) {

    /** Connection data of a PostgreSQL the stack does not start. */
    public record ExternalPostgres(String host, int port, String user, String password) {
    }

    /** Ephemeral test defaults: temp data dir, free ports, nothing external. */
    public static Builder builder() {
        return new Builder();
    }

    /** {@link #builder()} plus the external servers named by {@code env} (usually {@code System.getenv()}). */
    public static Builder fromEnvironment(Map<String, String> env) {
        return builder().externalsFrom(env);
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.dataDir = dataDir;
        b.ephemeral = ephemeral;
        b.logDir = logDir;
        b.keyDir = keyDir;
        b.deployDir = deployDir;
        b.kafkaPort = kafkaPort;
        b.controllerPort = controllerPort;
        b.connectPort = connectPort;
        b.postgresPort = postgresPort;
        b.shutdownHook = shutdownHook;
        b.externalKafka = externalKafka;
        b.externalPostgres = externalPostgres;
        b.externalConnectUrl = externalConnectUrl;
        return b;
    }

    public static final class Builder {
        private Path dataDir;
        private boolean ephemeral = true;
        private Path logDir;
        private Path keyDir;
        private Path deployDir;
        private int kafkaPort;
        private int controllerPort;
        private int connectPort;
        private int postgresPort;
        private boolean shutdownHook = true;
        private String externalKafka;
        private ExternalPostgres externalPostgres;
        private String externalConnectUrl;

        private Builder() {
        }

        public Builder dataDir(Path v) { dataDir = v; return this; }
        public Builder ephemeral(boolean v) { ephemeral = v; return this; }
        public Builder logDir(Path v) { logDir = v; return this; }
        public Builder keyDir(Path v) { keyDir = v; return this; }
        public Builder deployDir(Path v) { deployDir = v; return this; }
        public Builder kafkaPort(int v) { kafkaPort = v; return this; }
        public Builder controllerPort(int v) { controllerPort = v; return this; }
        public Builder connectPort(int v) { connectPort = v; return this; }
        public Builder postgresPort(int v) { postgresPort = v; return this; }
        public Builder shutdownHook(boolean v) { shutdownHook = v; return this; }
        public Builder externalKafka(String bootstrapServers) { externalKafka = bootstrapServers; return this; }
        public Builder externalPostgres(ExternalPostgres v) { externalPostgres = v; return this; }
        public Builder externalConnectUrl(String v) { externalConnectUrl = v; return this; }

        /**
         * {@code KAFKA_BOOTSTRAP_SERVERS}, {@code LEADFLOW_PG_HOST} (+ {@code _PORT}, {@code _USER},
         * {@code _PASSWORD}) and {@code LEADFLOW_CONNECT_URL} select external servers.
         */
        public Builder externalsFrom(Map<String, String> env) {
            externalKafka = blankToNull(env.get("KAFKA_BOOTSTRAP_SERVERS"));
            String pgHost = blankToNull(env.get("LEADFLOW_PG_HOST"));
            if (pgHost != null) {
                externalPostgres = new ExternalPostgres(pgHost,
                        Integer.parseInt(env.getOrDefault("LEADFLOW_PG_PORT", "5432")),
                        env.getOrDefault("LEADFLOW_PG_USER", "leadflow"),
                        env.getOrDefault("LEADFLOW_PG_PASSWORD", "leadflow"));
            }
            externalConnectUrl = blankToNull(env.get("LEADFLOW_CONNECT_URL"));
            return this;
        }

        public StackOptions build() {
            return new StackOptions(dataDir, ephemeral, logDir, keyDir, deployDir, kafkaPort, controllerPort,
                    connectPort, postgresPort, shutdownHook, externalKafka, externalPostgres, externalConnectUrl);
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.trim();
        }
    }
}
