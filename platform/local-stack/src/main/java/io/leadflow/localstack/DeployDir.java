package io.leadflow.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The repository's {@code deploy/} dir: topics ({@code kafka/topics.json}) and connectors ({@code connect/*.json}). */
public final class DeployDir {

    public static final String PROPERTY = "leadflow.deploy.dir";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A topic to create. */
    public record Topic(String name, int partitions, Map<String, String> config) {
    }

    /** A connector file: its name and its config, placeholders not yet resolved. */
    public record Connector(String name, Map<String, String> config) {

        /** The database the connector reads ({@code database.dbname}). */
        public String database() {
            return config.get("database.dbname");
        }

        /** Its replication slot ({@code slot.name}). */
        public String slot() {
            return config.get("slot.name");
        }

        /** Debezium's heartbeat topic when heartbeats are on, else {@code null}. */
        public String heartbeatTopic() {
            if (Long.parseLong(config.getOrDefault("heartbeat.interval.ms", "0")) <= 0) {
                return null;
            }
            return config.getOrDefault("topic.heartbeat.prefix", "__debezium-heartbeat") + "."
                    + config.get("topic.prefix");
        }
    }

    private final Path dir;

    public DeployDir(Path dir) {
        this.dir = dir;
    }

    /**
     * The dir named by system property {@value #PROPERTY}, else the first {@code deploy/} containing
     * {@code connect/} found walking up from the working directory.
     */
    public static Path locate() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("deploy/connect"))) {
                return p.resolve("deploy");
            }
        }
        throw new IllegalStateException("No deploy/connect dir above " + Path.of("").toAbsolutePath()
                + "; set -D" + PROPERTY + "=<repo>/deploy");
    }

    public Path dir() {
        return dir;
    }

    public List<Topic> topics() {
        JsonNode root = read(dir.resolve("kafka/topics.json"));
        List<Topic> topics = new ArrayList<>();
        for (JsonNode t : root.path("topics")) {
            topics.add(new Topic(t.path("name").asText(), t.path("partitions").asInt(1), strings(t.path("config"))));
        }
        return topics;
    }

    public List<Connector> connectors() {
        try (Stream<Path> files = Files.list(dir.resolve("connect"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted()
                    .map(DeployDir::read)
                    .map(c -> new Connector(c.path("name").asText(), strings(c.path("config"))))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Replaces {@code ${env:NAME}} placeholders textually. A production Connect worker resolves them with Kafka's
     * EnvVarConfigProvider; the local worker shares one JVM with everything else, so we substitute instead.
     */
    public static Map<String, String> resolvePlaceholders(Map<String, String> config, Map<String, String> values) {
        Map<String, String> resolved = new LinkedHashMap<>();
        config.forEach((key, value) -> {
            String v = value;
            for (Map.Entry<String, String> e : values.entrySet()) {
                v = v.replace("${env:" + e.getKey() + "}", e.getValue());
            }
            resolved.put(key, v);
        });
        return resolved;
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
