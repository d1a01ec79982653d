package io.leadflow.localstack;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where a started stack's servers are. Crosses the process boundary between {@link LocalStackMain} and
 * {@link LocalStackProcess} as one line of {@code key=url-encoded-value} pairs. JDK only.
 */
public record Endpoints(String kafkaBootstrapServers, String pgHost, int pgPort, String pgUser,
                        String pgPassword, String connectUrl, Path keyDir) {

    public Endpoints {
        Objects.requireNonNull(kafkaBootstrapServers, "kafkaBootstrapServers");
        Objects.requireNonNull(pgHost, "pgHost");
        Objects.requireNonNull(connectUrl, "connectUrl");
        Objects.requireNonNull(keyDir, "keyDir");
    }

    /** {@code jdbc:postgresql://host:port/db} */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + database;
    }

    /** {@code postgresql://host:port/db}, the form of {@code quarkus.datasource.reactive.url}. */
    public String reactiveUrl(String database) {
        return "postgresql://" + pgHost + ":" + pgPort + "/" + database;
    }

    /** The public key that verifies local tokens, as a {@code file:} URL (for {@code mp.jwt.verify.publickey.location}). */
    /** capture-service's key for webhook secrets at rest (local stack only; see {@link LocalKeys#webhookSecretKey}). */
    public String webhookSecretKey() {
        return LocalKeys.webhookSecretKey(keyDir);
    }

    public String publicKeyUrl() {
        return keyDir.resolve(LocalKeys.PUBLIC_KEY_FILE).toUri().toString();
    }

    public Map<String, String> toProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("kafkaBootstrapServers", kafkaBootstrapServers);
        p.put("pgHost", pgHost);
        p.put("pgPort", Integer.toString(pgPort));
        p.put("pgUser", pgUser);
        p.put("pgPassword", pgPassword);
        p.put("connectUrl", connectUrl);
        p.put("keyDir", keyDir.toString());
        return p;
    }

    public static Endpoints fromProperties(Map<String, String> p) {
        return new Endpoints(p.get("kafkaBootstrapServers"), p.get("pgHost"), Integer.parseInt(p.get("pgPort")),
                p.get("pgUser"), p.get("pgPassword"), p.get("connectUrl"), Path.of(p.get("keyDir")));
    }

    /** One line, space separated {@code key=value} pairs with URL-encoded values (no spaces, no newlines). */
    public String toLine() {
        StringBuilder line = new StringBuilder();
        toProperties().forEach((k, v) -> line.append(line.length() == 0 ? "" : " ")
                .append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return line.toString();
    }

    public static Endpoints fromLine(String line) {
        Map<String, String> p = new LinkedHashMap<>();
        for (String pair : line.trim().split(" +")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                p.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fromProperties(p);
    }
}
