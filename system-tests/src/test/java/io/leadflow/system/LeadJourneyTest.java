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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import static io.leadflow.messaging.testing.TopicProbe.keyed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole story on the real platform: six service processes, Kafka, PostgreSQL and Debezium.
 * capture -> enrichment -> scoring -> routing -> SDR notified -> SLA clock -> SDR qualifies ->
 * CRM opportunity -> won/lost outcome back to scoring.
 */
class LeadJourneyTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SDRS = List.of("sdr-1", "sdr-2", "sdr-3");

    private static RunningPlatform platform;
    private static final HttpClient HTTP = SdrStream.httpClient();
    private static final Map<String, JsonNode> NOTIFIED = new ConcurrentHashMap<>();
    private static final Map<String, String> NOTIFIED_SDR = new ConcurrentHashMap<>();
    private static final List<SdrStream> STREAMS = new ArrayList<>();

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.start(Map.of());
        // RevOps' own SLA policy, through the admin API: a first-touch deadline short enough for the breach test, long
        // enough that the other tests act on a lead well before its deadline once the pipeline is warm.
        try {
            String revops = platform.roleToken("revops");
            HttpResponse<String> draft = post(platform.url("sla-service", "/api/v1/sla/policies"), revops, """
                    {"version": "journey-1", "policies": [{"id": "journey", "firstTouch": "PT8S", "atRisk": 0.5,
                      "followUps": ["PT1H"], "maxAttempts": 6, "escalateAfterBreaches": 3}]}
                    """);
            assertThat(draft.statusCode()).as(draft.body()).isEqualTo(200);
            HttpResponse<String> active = post(platform.url("sla-service", "/api/v1/sla/policies/journey-1/activate"), revops, "");
            assertThat(active.statusCode()).as(active.body()).isEqualTo(200);
            assertThat(JSON.readTree(active.body()).get("status").asText()).isEqualTo("active");
        } catch (Exception e) {
            throw new IllegalStateException("SLA policy not set up", e);
        }
        for (String sdr : SDRS) {
            STREAMS.add(SdrStream.open(HTTP, platform.url("routing-service", "/api/v1/sdr/stream"), platform.sdrToken(sdr),
                    (event, arrived) -> {
                        String leadId = event.path("leadId").asText();
                        NOTIFIED.put(leadId, event);
                        NOTIFIED_SDR.put(leadId, sdr);
                    }));
        }
        // The first lead after a start waits seconds while every JVM loads and compiles its first event's code; taken
        // here, that wait cannot eat into a test's SLA deadline.
        try {
            String warmUp = capture(uniqueEmail());
            await().atMost(DEADLINE).until(() -> NOTIFIED.containsKey(warmUp));
        } catch (Exception e) {
            throw new IllegalStateException("warm-up lead not routed", e);
        }
    }

    @AfterAll
    static void stopPlatform() {
        STREAMS.forEach(SdrStream::close);
        if (platform != null) {
            platform.close();
        }
    }

    private static String richLead(String email) {
        return """
                {"email":"%s","firstName":"Ada","lastName":"Lovelace","company":"Acme Robotics","jobTitle":"VP Sales",
                 "phone":"+44 20 7946 0958","country":"GB","message":"We need routing for 40 SDRs.","formId":"demo-request",
                 "utm":{"source":"google","medium":"cpc","campaign":"q4-demo"},"pageUrl":"https://acme.example/demo"}
                """.formatted(email);
    }

    private static HttpResponse<String> post(URI url, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(URI url, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(url).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String capture(String email) throws Exception {
        HttpResponse<String> response = post(platform.url("capture-service", "/api/v1/leads"), null, richLead(email));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).get("leadId").asText();
    }

    private static String uniqueEmail() {
        return "ada." + UUID.randomUUID().toString().substring(0, 8) + "@acme-robotics.com";
    }

    @Test
    void aCapturedLeadReachesTheAssignedSdrsStreamWithItsWholeContext() throws Exception {
        String email = uniqueEmail();
        String leadId = capture(email);

        await().atMost(DEADLINE).until(() -> NOTIFIED.containsKey(leadId));
        JsonNode notification = NOTIFIED.get(leadId);
        assertThat(notification.at("/lead/email").asText()).isEqualTo(email);
        assertThat(notification.at("/lead/company").asText()).isEqualTo("Acme Robotics");
        assertThat(notification.at("/lead/source").asText()).isEqualTo("google");
        assertThat(notification.at("/score/value").asInt()).isGreaterThanOrEqualTo(70);
        assertThat(notification.at("/score/grade").asText()).isEqualTo("A4");
        assertThat(notification.at("/score/reasons")).isNotEmpty();

        // Only the assigned SDR sees it in their inbox list.
        String owner = NOTIFIED_SDR.get(leadId);
        for (String sdr : SDRS) {
            String inbox = get(platform.url("routing-service", "/api/v1/sdr/leads"), platform.sdrToken(sdr)).body();
            assertThat(inbox.contains(leadId)).as("%s sees %s", sdr, leadId).isEqualTo(sdr.equals(owner));
        }
    }

    @Test
    void aKnownPersonWhoSubmitsAgainIsTheSameLeadRoutedOnceAndItsOwnerIsTold() throws Exception {
        try (var captured = platform.topicProbe("leads.capture.v1"); var enriched = platform.topicProbe("leads.enrichment.v1");
             var routing = platform.topicProbe("leads.routing.v1")) {
            String email = uniqueEmail();
            String leadId = capture(email);
            await().atMost(DEADLINE).until(() -> NOTIFIED.containsKey(leadId));
            String owner = NOTIFIED_SDR.get(leadId);

            // Two days later, through the pricing form, the address typed in capitals, with a new question.
            HttpResponse<String> again = post(platform.url("capture-service", "/api/v1/leads"), null,
                    "{\"email\":\"" + email.toUpperCase() + "\",\"formId\":\"pricing\",\"message\":\"Pricing for 40 seats?\","
                            + "\"utm\":{\"source\":\"linkedin\"}}");
            assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
            assertThat(JSON.readTree(again.body()).get("leadId").asText()).isEqualTo(leadId);

            await().atMost(DEADLINE).until(() -> NOTIFIED.get(leadId).path("resubmissions").asInt() == 1);
            JsonNode card = NOTIFIED.get(leadId);
            assertThat(NOTIFIED_SDR.get(leadId)).isEqualTo(owner);
            assertThat(card.at("/lastResubmission/formId").asText()).isEqualTo("pricing");
            assertThat(card.at("/lastResubmission/message").asText()).isEqualTo("Pricing for 40 seats?");

            // Announced as a resubmission, not as a new lead: enriched, scored and assigned once.
            captured.awaitOne(keyed(leadId, "LeadResubmitted"), DEADLINE);
            assertThat(captured.seen(keyed(leadId, "LeadCaptured"))).hasSize(1);
            platform.awaitConsumed("enrichment", "leads.capture.v1", DEADLINE);
            enriched.awaitOne(keyed(leadId, "LeadEnriched"), DEADLINE);
            assertThat(enriched.seen(keyed(leadId, "LeadEnriched"))).hasSize(1);
            routing.awaitOne(keyed(leadId, "LeadAssigned"), DEADLINE);
            assertThat(routing.seen(keyed(leadId, "LeadAssigned"))).hasSize(1);
        }
    }

    @Test
    void aLeadNobodyAcceptsBreachesItsFirstTouchSla() throws Exception {
        try (var breaches = platform.topicProbe("leads.sla.v1"); var routing = platform.topicProbe("leads.routing.v1")) {
            String leadId = capture(uniqueEmail());

            // Warned at half the deadline, then breached at it.
            ConsumerRecord<String, String> warning = breaches.awaitOne(keyed(leadId, "SlaAtRisk"), DEADLINE);
            ConsumerRecord<String, String> breach = breaches.awaitOne(keyed(leadId, "SlaBreached"), DEADLINE);
            assertThat(warning.offset()).isLessThan(breach.offset());
            JsonNode payload = JSON.readTree(breach.value());
            assertThat(payload.get("kind").asText()).isEqualTo("first-touch");
            assertThat(payload.get("policyId").asText()).isEqualTo("journey");
            assertThat(payload.get("action").asText()).isEqualTo("reassign");
            // The breach names the SDR the lead was assigned to. (Routing then reassigns it on the breach, so the
            // SDR notified last may already be the next one.)
            String assignedTo = JSON.readTree(routing.awaitOne(keyed(leadId, "LeadAssigned"), DEADLINE).value())
                    .get("sdrId").asText();
            assertThat(payload.get("sdrId").asText()).isEqualTo(assignedTo);
        }
    }

    @Test
    void aQualifiedLeadBecomesExactlyOneOpportunityAndItsOutcomeReachesScoring() throws Exception {
        String leadId = capture(uniqueEmail());
        await().atMost(DEADLINE).until(() -> NOTIFIED_SDR.containsKey(leadId));
        // Accepted by whoever holds it: if its deadline passed first, routing reassigned it and told the next SDR
        // (an accepted lead is never reassigned, so the holder is settled once this succeeds).
        AtomicReference<String> holder = new AtomicReference<>();
        await().atMost(DEADLINE).until(() -> {
            String sdr = NOTIFIED_SDR.get(leadId);
            int status = post(platform.url("routing-service", "/api/v1/sdr/leads/" + leadId + "/accept"), platform.sdrToken(sdr), "")
                    .statusCode();
            holder.set(sdr);
            return status >= 200 && status <= 204;
        });
        String sdrToken = platform.sdrToken(holder.get());
        HttpResponse<String> qualified = post(platform.url("routing-service", "/api/v1/sdr/leads/" + leadId + "/qualify"), sdrToken,
                "{\"bant\":{\"budget\":\"50k EUR\",\"authority\":\"VP Sales signs\",\"need\":\"leads wait a day\",\"timeline\":\"Q1\"}}");
        assertThat(qualified.statusCode()).as(qualified.body()).isBetween(200, 204);

        String revops = platform.roleToken("revops");
        URI opportunities = platform.url("crm-sync-service", "/api/v1/opportunities?leadId=" + leadId);
        await().atMost(DEADLINE).until(() -> opportunitiesOf(opportunities, revops).size() == 1);

        // Deliver the LeadQualified event again, twice as it was and once under a new event id:
        // a redelivery and a producer retry. Still one opportunity, one OpportunityCreated.
        try (var routing = platform.topicProbe("leads.routing.v1"); var crm = platform.topicProbe("leads.crm.v1")) {
            ConsumerRecord<String, String> original = routing.awaitOne(keyed(leadId, "LeadQualified"), DEADLINE);
            platform.redeliver(original, null);
            platform.redeliver(original, null);
            platform.redeliver(original, UUID.randomUUID().toString());
            platform.awaitConsumed("crm-sync", "leads.routing.v1", DEADLINE);

            assertThat(opportunitiesOf(opportunities, revops).size()).isEqualTo(1);
            // Read the topic up to the lead's OpportunityCreated first (a new probe's first poll may still be joining).
            crm.awaitOne(keyed(leadId, "OpportunityCreated"), DEADLINE);
            assertThat(crm.seen(keyed(leadId, "OpportunityCreated"))).hasSize(1);
        }

        String opportunityId = opportunitiesOf(opportunities, revops).get(0).get("id").asText();
        HttpResponse<String> closed = post(platform.url("crm-sync-service", "/api/v1/opportunities/" + opportunityId + "/close"),
                revops, "{\"outcome\":\"WON\",\"reason\":\"Fastest speed to lead\",\"amount\":48000}");
        assertThat(closed.statusCode()).as(closed.body()).isBetween(200, 204);

        URI score = platform.url("scoring-service", "/api/v1/leads/" + leadId + "/score");
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(JSON.readTree(get(score, revops).body())
                .at("/outcomes/0/outcome").asText()).isEqualTo("WON"));
    }

    @Test
    void leadsInFlightWhenEnrichmentIsKilledAreAllRoutedAndEnrichedExactlyOnce() throws Exception {
        List<String> leads = new ArrayList<>();
        try (var enriched = platform.topicProbe("leads.enrichment.v1")) {
            for (int i = 0; i < 20; i++) {
                leads.add(capture(uniqueEmail()));
            }
            // SIGKILL in the middle of the burst: some events are applied but their offsets are not
            // committed yet (commits are throttled), so they come back after the restart.
            enriched.awaitOne(record -> leads.contains(record.key()), DEADLINE);
            platform.killService("enrichment-service");
            for (int i = 0; i < 10; i++) {
                leads.add(capture(uniqueEmail())); // captured while enrichment is down
            }
            platform.startService("enrichment-service");
        }

        await().atMost(DEADLINE).until(() -> leads.stream().allMatch(NOTIFIED::containsKey));
        platform.awaitConsumed("enrichment", "leads.capture.v1", DEADLINE);
        try (Connection db = DriverManager.getConnection(platform.jdbcUrl("enrichment"), platform.dbUser(), platform.dbPassword());
             PreparedStatement query = db.prepareStatement(
                     "select count(*) from outbox where aggregateid = ? and type = 'LeadEnriched'")) {
            for (String lead : leads) {
                query.setString(1, lead);
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    assertThat(rows.getLong(1)).as("LeadEnriched events of %s", lead).isEqualTo(1);
                }
            }
        }
    }

    private static JsonNode opportunitiesOf(URI query, String token) throws Exception {
        HttpResponse<String> response = get(query, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode list = JSON.readTree(response.body()).get("opportunities");
        assertThat(list).as(response.body()).isNotNull();
        return list;
    }

    @Test
    void aMalformedLeadGetsAProblemAndLeavesNoRow() throws Exception {
        String email = "bad." + UUID.randomUUID().toString().substring(0, 8) + "@acme-robotics";
        HttpResponse<String> response = post(platform.url("capture-service", "/api/v1/leads"), null,
                "{\"email\":\"" + email + "\",\"country\":\"Atlantis\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("errors").findValuesAsText("field")).contains("email", "country");
        try (Connection db = DriverManager.getConnection(platform.jdbcUrl("capture"), platform.dbUser(), platform.dbPassword());
             PreparedStatement query = db.prepareStatement("select count(*) from lead where email = ?")) {
            query.setString(1, email);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                assertThat(rows.getLong(1)).isZero();
            }
        }
    }
}
