package io.leadflow.sla.api;

import io.leadflow.contracts.EventContracts;
import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.localstack.TestTokens;
import io.leadflow.messaging.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "sla"))
class OpsResourceTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    Pool db;

    private JsonPath get(String path, String token) {
        return given().auth().oauth2(token).when().get(path).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void lagNeedsARevOpsOrAdminToken() {
        given().when().get("/api/v1/ops/lag").then().statusCode(401);
        given().auth().oauth2(TestTokens.sdr("sdr-1")).when().get("/api/v1/ops/lag").then().statusCode(403);
        given().when().get("/api/v1/ops/breaches").then().statusCode(401);
        given().auth().oauth2(TestTokens.sdr("sdr-1")).when().get("/api/v1/ops/breaches").then().statusCode(403);
    }

    @Test
    void lagListsTheSlaGroupOnceItHasConsumedAndCommitted() {
        String leadId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        String assigned = EventContracts.example("LeadAssigned")
                .replace("0193a5b0-0000-7000-8000-0000000000aa", leadId)
                .replace("0193a5b0-7c1e-7a11-8000-000000000004", eventId)
                .replace("2026-11-22T09:15:02.113Z", Instant.now().toString());
        TopicProbe.send(bootstrap, "leads.routing.v1", leadId, eventId, "LeadAssigned", assigned);
        await().atMost(DEADLINE).until(() -> db.preparedQuery("select 1 from sla_clock where lead_id = $1")
                .execute(Tuple.of(UUID.fromString(leadId))).await().atMost(DEADLINE).size() == 1);

        // Offsets are committed a few seconds after processing (throttled commit strategy).
        JsonPath lag = await().atMost(DEADLINE).pollInterval(Duration.ofMillis(500))
                .until(() -> get("/api/v1/ops/lag", TestTokens.revops()),
                        json -> json.getList("groups.group").contains("sla"));

        assertThat(lag.getString("measuredAt")).isNotBlank();
        Map<String, Object> sla = lag.getMap("groups.find { it.group == 'sla' }");
        List<Map<String, Object>> topics = lag.getList("groups.find { it.group == 'sla' }.topics");
        assertThat(topics).extracting(t -> t.get("topic")).contains("leads.routing.v1");
        List<Map<String, Object>> partitions = lag.getList(
                "groups.find { it.group == 'sla' }.topics.find { it.topic == 'leads.routing.v1' }.partitions");
        assertThat(partitions).isNotEmpty().allSatisfy(p -> {
            long committed = ((Number) p.get("committed")).longValue();
            long end = ((Number) p.get("end")).longValue();
            assertThat(((Number) p.get("lag")).longValue()).isEqualTo(Math.max(0, end - committed));
            assertThat(p).containsKeys("lagSeconds", "status");
        });
        assertThat(sla).containsKeys("lagSeconds", "status");
        assertThat(((Number) sla.get("lag")).longValue()).isGreaterThanOrEqualTo(0);

        get("/api/v1/ops/lag", TestTokens.admin());
    }

    @Test
    void recentBreachesShowHowLateEachLeadIs() {
        String sdr = "sdr-late-" + UUID.randomUUID();
        UUID leadId = UUID.randomUUID();
        db.preparedQuery("""
                        insert into sla_clock (id, lead_id, assignment_id, sdr_id, kind, policy_id, state, started_at, due_at)
                        values (gen_random_uuid(), $1, gen_random_uuid(), $2, 'first-touch', 'test', 'RUNNING',
                                now() - interval '8 minutes', now() - interval '3 minutes')
                        """)
                .execute(Tuple.of(leadId, sdr)).await().atMost(DEADLINE);

        JsonPath breaches = await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250))
                .until(() -> get("/api/v1/ops/breaches?limit=50", TestTokens.revops()),
                        json -> json.getList("breaches.sdrId").contains(sdr));

        Map<String, Object> breach = breaches.getMap("breaches.find { it.sdrId == '" + sdr + "' }");
        assertThat(breach.get("leadId")).isEqualTo(leadId.toString());
        assertThat(breach.get("dueAt")).isNotNull();
        assertThat(breach.get("breachedAt")).isNotNull();
        assertThat(breach.get("touchedAt")).isNull();
        assertThat(((Number) breach.get("minutesLate")).doubleValue()).isBetween(2.9, 4.0);
    }

    @Test
    void aLimitOutOfRangeIsAProblemNamingIt() {
        given().auth().oauth2(TestTokens.revops()).when().get("/api/v1/ops/breaches?limit=0")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItems("limit"));
        given().auth().oauth2(TestTokens.revops()).when().get("/api/v1/ops/breaches?limit=lots")
                .then().statusCode(400).body("errors.field", hasItems("limit"));
    }

    @Test
    void aWarnedLeadIsListedAtRiskAndItsTraceShowsTheClock() {
        String leadId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        // Captured 6 s ago under the test policy (10 s, warn at half): warned at once, due in about 4 s.
        Instant capturedAt = Instant.now().minusSeconds(6);
        String assigned = EventContracts.example("LeadAssigned")
                .replace("0193a5b0-0000-7000-8000-0000000000aa", leadId)
                .replace("0193a5b0-7c1e-7a11-8000-000000000004", eventId)
                .replace("2026-11-22T09:15:02.113Z", capturedAt.toString());
        TopicProbe.send(bootstrap, "leads.routing.v1", leadId, eventId, "LeadAssigned", assigned);

        JsonPath atRisk = await().atMost(DEADLINE).pollInterval(Duration.ofMillis(100))
                .until(() -> get("/api/v1/ops/at-risk", TestTokens.revops()),
                        json -> json.getList("clocks.leadId").contains(leadId));
        Map<String, Object> clock = atRisk.getMap("clocks.find { it.leadId == '" + leadId + "' }");
        assertThat(clock.get("sdrId")).isEqualTo("sdr-1");
        assertThat(clock.get("policyId")).isEqualTo("test");
        // About 4 s were left when the warning went out: 0.1 minutes at most, to one decimal (JSON floats: 0.1000000015).
        assertThat(((Number) clock.get("minutesLeft")).doubleValue()).isBetween(0.0, 0.15);

        JsonPath trace = get("/api/v1/ops/leads/" + leadId + "/trace", TestTokens.admin());
        assertThat(trace.getString("policyId")).isEqualTo("test");
        assertThat(trace.getString("facts.source")).isEqualTo("google");
        assertThat(trace.getList("clocks.kind")).containsExactly("first-touch");
        assertThat(trace.getString("clocks[0].atRiskSentAt")).isNotNull();

        given().auth().oauth2(TestTokens.revops()).when().get("/api/v1/ops/leads/" + UUID.randomUUID() + "/trace")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.revops()).when().get("/api/v1/ops/leads/not-a-uuid/trace")
                .then().statusCode(400).body("errors.field", hasItems("leadId"));
        given().auth().oauth2(TestTokens.sdr("sdr-1")).when().get("/api/v1/ops/at-risk").then().statusCode(403);
    }
}
