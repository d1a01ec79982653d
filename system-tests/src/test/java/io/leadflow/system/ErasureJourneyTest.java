package io.leadflow.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.system.client.SdrStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.leadflow.messaging.testing.TopicProbe.keyed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Right to erasure on the real platform: a lead that went all the way (captured, enriched, scored,
 * assigned, accepted, qualified into the built-in CRM) is erased by e-mail through capture's admin API,
 * and every service's database soon holds no trace of the person, in any column of any table.
 */
class ErasureJourneyTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = SdrStream.httpClient();
    private static final List<String> DATABASES = List.of("capture", "enrichment", "scoring", "routing", "sla", "crm_sync");

    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.start(Map.of());
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    private static HttpResponse<String> post(URI url, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(platform.jdbcUrl(database), platform.dbUser(), platform.dbPassword());
    }

    private static String one(String database, String sql, Object... params) throws SQLException {
        try (Connection db = connect(database); PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                query.setObject(i + 1, params[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    /** Every table of the database and how many of its rows mention one of {@code traces} anywhere (the whole row as text). */
    private static Map<String, Integer> tracesIn(String database, List<String> traces) throws SQLException {
        Map<String, Integer> found = new LinkedHashMap<>();
        try (Connection db = connect(database)) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = db.createStatement().executeQuery("select table_name from information_schema.tables"
                    + " where table_schema = 'public' and table_type = 'BASE TABLE'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                StringBuilder where = new StringBuilder();
                for (int i = 0; i < traces.size(); i++) {
                    where.append(i == 0 ? "" : " or ").append("t::text ilike ?");
                }
                try (PreparedStatement query = db.prepareStatement("select count(*) from \"" + table + "\" t where " + where)) {
                    for (int i = 0; i < traces.size(); i++) {
                        query.setString(i + 1, "%" + traces.get(i) + "%");
                    }
                    try (ResultSet rows = query.executeQuery()) {
                        rows.next();
                        if (rows.getInt(1) > 0) {
                            found.put(table, rows.getInt(1));
                        }
                    }
                }
            }
        }
        return found;
    }

    @Test
    void aQualifiedLeadErasedByEmailLeavesNoTraceInAnyServiceDatabase() throws Exception {
        String token = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String email = "ada." + token + "@acme-robotics.com";
        String lastName = "Lovelace" + token;
        String phone = "+44 20 7946 " + (1000 + Math.floorMod(token.hashCode(), 9000));
        List<String> traces = List.of("ada." + token, lastName, phone.replace(" ", ""), "erasure-note-" + token, "ref=" + token);

        HttpResponse<String> captured = post(platform.url("capture-service", "/api/v1/leads"), null, """
                {"email":"%s","firstName":"Ada","lastName":"%s","company":"Acme Robotics","jobTitle":"VP Sales",
                 "phone":"%s","country":"GB","message":"We need routing for 40 SDRs.","formId":"demo-request",
                 "utm":{"source":"google","medium":"cpc","campaign":"q4-demo"},"pageUrl":"https://acme.example/demo?ref=%s"}
                """.formatted(email, lastName, phone, token));
        assertThat(captured.statusCode()).as(captured.body()).isEqualTo(202);
        String leadId = JSON.readTree(captured.body()).get("leadId").asText();
        UUID lead = UUID.fromString(leadId);

        // All the way: assigned, accepted, qualified with notes that name the person, an opportunity in the CRM.
        await().atMost(DEADLINE).until(() -> one("routing", "select sdr_id from assignment where lead_id = ?", lead) != null);
        String sdrToken = platform.sdrToken(one("routing", "select sdr_id from assignment where lead_id = ?", lead));
        assertThat(post(platform.url("routing-service", "/api/v1/sdr/leads/" + leadId + "/accept"), sdrToken, "").statusCode())
                .isBetween(200, 204);
        HttpResponse<String> qualified = post(platform.url("routing-service", "/api/v1/sdr/leads/" + leadId + "/qualify"), sdrToken,
                "{\"bant\":{\"budget\":\"50k EUR\",\"authority\":\"VP Sales signs\",\"need\":\"routing\",\"timeline\":\"Q1\"},"
                        + "\"notes\":\"erasure-note-" + token + "\"}");
        assertThat(qualified.statusCode()).as(qualified.body()).isBetween(200, 204);
        await().atMost(DEADLINE).until(() -> one("crm_sync", "select id from opportunity where lead_id = ?", lead) != null);
        for (String database : DATABASES) {
            if (!database.equals("sla")) {
                assertThat(tracesIn(database, traces)).as("%s knows the person before the erasure", database).isNotEmpty();
            }
        }

        try (var capture = platform.topicProbe("leads.capture.v1")) {
            long start = System.nanoTime();
            HttpResponse<String> erased = post(platform.url("capture-service", "/api/v1/admin/erasures"), platform.roleToken("admin"),
                    "{\"email\":\"" + email.toUpperCase() + "\",\"reason\":\"data subject request\",\"requestReference\":\"PRIV-" + token + "\"}");
            assertThat(erased.statusCode()).as(erased.body()).isEqualTo(202);
            JsonNode record = JSON.readTree(erased.body());
            assertThat(record.get("leadId").asText()).isEqualTo(leadId);

            ConsumerRecord<String, String> event = capture.awaitOne(keyed(leadId, "LeadErased"), DEADLINE);
            assertThat(event.value()).doesNotContain("ada." + token).doesNotContain(lastName);

            Map<String, Map<String, Integer>> left = new LinkedHashMap<>();
            await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200)).until(() -> {
                left.clear();
                for (String database : DATABASES) {
                    Map<String, Integer> found = tracesIn(database, traces);
                    if (!found.isEmpty()) {
                        left.put(database, found);
                    }
                }
                return left.isEmpty();
            });
            System.out.printf("erasure: every database clean %d ms after the request%n", (System.nanoTime() - start) / 1_000_000);
        }

        // What is about no one stays: the lead, its assignment (status, score), its opportunity (stage, owner).
        assertThat(one("capture", "select country from lead where id = ?", lead)).isEqualTo("GB");
        assertThat(one("routing", "select status from assignment where lead_id = ?", lead)).isEqualTo("QUALIFIED");
        assertThat(one("scoring", "select grade from lead_score where lead_id = ?", lead)).isEqualTo("A4");
        assertThat(one("crm_sync", "select stage from opportunity where lead_id = ?", lead)).isEqualTo("discovery");
        for (String database : List.of("enrichment", "scoring", "routing", "sla", "crm_sync")) {
            assertThat(one(database, "select count(*) from erased_lead where lead_id = ?", lead)).as(database).isEqualTo("1");
        }
        // The same e-mail again is a new person: nothing of the address was kept to match it.
        HttpResponse<String> again = post(platform.url("capture-service", "/api/v1/leads"), null,
                "{\"email\":\"" + email + "\",\"formId\":\"demo-request\"}");
        assertThat(JSON.readTree(again.body()).get("leadId").asText()).isNotEqualTo(leadId);
    }
}
