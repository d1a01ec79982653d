package io.leadflow.localstack;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Registers the deploy/connect connectors through Connect's REST API and waits until they really stream. */
final class Connectors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String connectUrl;

    Connectors(String connectUrl) {
        this.connectUrl = connectUrl.replaceAll("/+$", "");
    }

    /**
     * PUT /connectors/{name}/config for each connector (idempotent: creates or updates). Retries while the worker
     * is still joining its group (409, 5xx, connection refused) or cannot reach the database yet.
     */
    void register(List<DeployDir.Connector> connectors, Map<String, String> placeholders, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (DeployDir.Connector c : connectors) {
            Map<String, String> config = DeployDir.resolvePlaceholders(c.config(), placeholders);
            if (config.equals(currentConfig(c.name()))) {
                continue; // unchanged: a PUT would restart the connector for nothing
            }
            String body = JSON.writeValueAsString(config);
            HttpRequest put = HttpRequest.newBuilder(uri("/connectors/" + encode(c.name()) + "/config"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            while (true) {
                String problem;
                try {
                    HttpResponse<String> r = http.send(put, HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200 || r.statusCode() == 201) {
                        break;
                    }
                    if (r.statusCode() != 409 && r.statusCode() < 500 && !databaseUnreachable(r.body())) {
                        throw new IllegalStateException("Connector " + c.name() + " rejected: " + r.statusCode()
                                + " " + r.body());
                    }
                    problem = r.statusCode() + " " + r.body();
                } catch (IOException e) {
                    problem = e.toString();
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Cannot register connector " + c.name() + ": " + problem);
                }
                TimeUnit.MILLISECONDS.sleep(200);
            }
        }
    }

    /**
     * Connect validates a connector by connecting to its database; "The connection attempt failed" (PostgreSQL's
     * driver on an I/O error) is worth another try until the deadline: on a container network the database's name
     * may not resolve from Connect for a moment (seen once in the containers profile), unlike a wrong password.
     */
    static boolean databaseUnreachable(String body) {
        return body != null && body.contains("The connection attempt failed");
    }

    /**
     * Waits until every connector and its tasks are RUNNING and {@code slotActive} holds for it: rows inserted
     * before the replication slot is active are never seen.
     */
    void awaitStreaming(List<DeployDir.Connector> connectors, Predicate<DeployDir.Connector> slotActive,
                        Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<DeployDir.Connector> pending = new ArrayList<>(connectors);
        String lastState = "";
        while (!pending.isEmpty()) {
            var it = pending.iterator();
            while (it.hasNext()) {
                DeployDir.Connector c = it.next();
                JsonNode status = status(c.name());
                lastState = c.name() + ": " + status;
                if (status != null) {
                    failIfFailed(c.name(), status);
                    if (running(status) && slotActive.test(c)) {
                        it.remove();
                    }
                }
            }
            if (pending.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Connectors not streaming within " + timeout + ": "
                        + pending.stream().map(DeployDir.Connector::name).toList() + "; last status " + lastState);
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    /** The connector's config as the worker has it, or {@code null} (unknown connector, worker not ready). */
    private Map<String, String> currentConfig(String name) throws InterruptedException {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/connectors/" + encode(name) + "/config"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return null;
            }
            Map<String, String> config = JSON.readValue(r.body(), new TypeReference<Map<String, String>>() { });
            config.remove("name"); // the worker adds it
            return config;
        } catch (IOException e) {
            return null;
        }
    }

    private JsonNode status(String name) throws InterruptedException {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/connectors/" + encode(name) + "/status"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean running(JsonNode status) {
        if (!"RUNNING".equals(status.path("connector").path("state").asText())) {
            return false;
        }
        JsonNode tasks = status.path("tasks");
        if (tasks.isEmpty()) {
            return false;
        }
        for (JsonNode t : tasks) {
            if (!"RUNNING".equals(t.path("state").asText())) {
                return false;
            }
        }
        return true;
    }

    private static void failIfFailed(String name, JsonNode status) {
        List<JsonNode> parts = new ArrayList<>();
        parts.add(status.path("connector"));
        status.path("tasks").forEach(parts::add);
        for (JsonNode part : parts) {
            if ("FAILED".equals(part.path("state").asText())) {
                throw new IllegalStateException("Connector " + name + " FAILED: " + part.path("trace").asText());
            }
        }
    }

    private URI uri(String path) {
        return URI.create(connectUrl + path);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
