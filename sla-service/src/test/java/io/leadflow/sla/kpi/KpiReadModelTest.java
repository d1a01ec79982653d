package io.leadflow.sla.kpi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.contracts.EventContracts;
import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.localstack.TestTokens;
import io.leadflow.messaging.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItems;

/**
 * The KPI read model from real events on real topics (Kafka, PostgreSQL, Debezium): four leads of a campaign of their
 * own go through capture, scoring, routing, the SLA clocks and the CRM, and the KPI endpoints answer what happened to
 * them; a redelivered event counts once; a rebuild from kpi_lead gives the same answers.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "sla"))
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KpiReadModelTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final Duration DAY = Duration.ofDays(1);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    ObjectMapper mapper;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String campaign = "kpi-" + run;
    private final String pool = "pool-" + run;
    private final String experiment = "exp-" + run;
    private final String months = "from=" + YearMonth.now(ZoneOffset.UTC).minusMonths(1) + "&to=" + YearMonth.now(ZoneOffset.UTC);
    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();
    private final UUID c = UUID.randomUUID();
    private final UUID d = UUID.randomUUID();
    private Instant t0;

    private ObjectNode example(String type, UUID lead) throws Exception {
        ObjectNode event = (ObjectNode) mapper.readTree(EventContracts.example(type));
        return event.put("leadId", lead.toString()).put("eventId", UUID.randomUUID().toString());
    }

    private void send(String topic, ObjectNode event) {
        TopicProbe.send(bootstrap, topic, event.get("leadId").asText(), event.get("eventId").asText(),
                event.get("eventType").asText(), event.toString());
    }

    private ObjectNode captured(UUID lead, Instant at, String source, String channel) throws Exception {
        ObjectNode event = example("LeadCaptured", lead).put("capturedAt", at.toString()).put("channel", channel);
        ((ObjectNode) event.get("utm")).put("source", source).put("campaign", campaign);
        return event;
    }

    private ObjectNode assigned(UUID lead, Instant captured, String source, String sdr, String variant) throws Exception {
        ObjectNode event = example("LeadAssigned", lead).put("sdrId", sdr).put("poolId", pool)
                .put("assignedAt", captured.plusSeconds(2).toString());
        ((ObjectNode) event.get("lead")).put("capturedAt", captured.toString()).put("source", source).put("campaign", campaign);
        ((ObjectNode) event.get("routing")).put("experimentId", experiment).put("variant", variant);
        return event;
    }

    private ObjectNode at(String type, UUID lead, String field, Instant when) throws Exception {
        return example(type, lead).put(field, when.toString()).put("occurredAt", when.toString());
    }

    private JsonPath get(String path) {
        return given().auth().oauth2(TestTokens.revops()).when().get(path).then().statusCode(200).extract().jsonPath();
    }

    private Map<String, Object> group(JsonPath json, String key) {
        return json.getMap("groups.find { it.key == '" + key + "' }");
    }

    // Once per class, but in a @BeforeEach: Quarkus sets RestAssured's port only before each test.
    @BeforeEach
    void fourLeadsGoThroughThePipeline() throws Exception {
        if (t0 != null) {
            return;
        }
        t0 = Instant.now().minusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
        Instant tb = t0.plusMillis(300);
        // A: MQL after a day, touched after 5 s (in time), accepted, qualified, opportunity, won 48,000.
        ObjectNode capturedA = captured(a, t0, "google", "form");
        send("leads.capture.v1", capturedA);
        send("leads.capture.v1", capturedA); // redelivered: counted once
        send("leads.scoring.v1", at("LeadMarketingQualified", a, "qualifiedAt", t0.plus(DAY)));
        send("leads.scoring.v1", at("LeadMarketingQualified", a, "qualifiedAt", t0.plus(DAY).plusSeconds(9))); // again
        send("leads.routing.v1", assigned(a, t0, "google", "sdr-a-" + run, "A"));
        send("leads.routing.v1", at("LeadTouched", a, "touchedAt", t0.plusSeconds(5)).put("outcome", "no_answer"));
        send("leads.routing.v1", at("LeadAccepted", a, "acceptedAt", t0.plus(DAY.multipliedBy(2))));
        send("leads.routing.v1", at("LeadQualified", a, "qualifiedAt", t0.plus(DAY.multipliedBy(3))));
        send("leads.crm.v1", example("OpportunityCreated", a).put("occurredAt", t0.plus(DAY.multipliedBy(5)).toString()));
        send("leads.crm.v1", at("OpportunityClosed", a, "closedAt", t0.plus(DAY.multipliedBy(35)))
                .put("outcome", "WON").put("amount", 48000));
        // B: MQL, touched after 30 s (late: a breach), accepted, qualified, opportunity, lost.
        send("leads.capture.v1", captured(b, tb, "linkedin", "form"));
        send("leads.scoring.v1", at("LeadMarketingQualified", b, "qualifiedAt", tb.plus(DAY)));
        send("leads.routing.v1", assigned(b, tb, "linkedin", "sdr-b-" + run, "B"));
        send("leads.routing.v1", at("LeadTouched", b, "touchedAt", tb.plusSeconds(30)).put("outcome", "connected"));
        send("leads.routing.v1", at("LeadAccepted", b, "acceptedAt", tb.plus(DAY.multipliedBy(2))));
        send("leads.routing.v1", at("LeadQualified", b, "qualifiedAt", tb.plus(DAY.multipliedBy(3))));
        send("leads.crm.v1", example("OpportunityCreated", b).put("occurredAt", tb.plus(DAY.multipliedBy(6)).toString()));
        send("leads.crm.v1", at("OpportunityClosed", b, "closedAt", tb.plus(DAY.multipliedBy(20)))
                .put("outcome", "LOST").put("amount", 0));
        // C: assigned (announced before its capture is read), never touched (its clock breaches), sent to nurture.
        send("leads.routing.v1", assigned(c, t0, "google", "sdr-a-" + run, "A"));
        send("leads.capture.v1", captured(c, t0, "google", "webhook"));
        // D: captured only.
        send("leads.capture.v1", captured(d, t0, "google", "import"));

        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).until(() -> {
            Map<String, Object> funnel = group(get("/api/v1/kpi/funnel?by=campaign&" + months), campaign);
            Map<String, Object> speed = group(get("/api/v1/kpi/speed?by=campaign&" + months), campaign);
            return funnel != null && ((Number) funnel.get("inquiries")).intValue() == 4
                    && ((Number) funnel.get("won")).intValue() + ((Number) funnel.get("lost")).intValue() == 2
                    && speed != null && ((Number) ((Map<?, ?>) speed.get("sla")).get("breached")).intValue() == 2;
        });
        send("leads.routing.v1", at("LeadNurtured", c, "nurturedAt", t0.plus(DAY)));
        // B's lost deal sends its lead back to nurture (crm-sync's LeadRecycled): recycled too.
        send("leads.crm.v1", at("LeadRecycled", b, "lostAt", tb.plus(DAY.multipliedBy(20))));
        send("leads.crm.v1", at("OpportunityStageChanged", b, "changedAt", tb.plus(DAY.multipliedBy(10)))); // not a KPI
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).until(() ->
                ((Number) group(get("/api/v1/kpi/funnel?by=campaign&" + months), campaign).get("recycled")).intValue() == 2);
    }

    @Test
    void theFunnelCountsEachStageOncePerLeadWithRatesAndVelocity() {
        Map<String, Object> funnel = group(get("/api/v1/kpi/funnel?by=campaign&" + months), campaign);
        assertThat(List.of(funnel.get("inquiries"), funnel.get("mql"), funnel.get("sal"), funnel.get("sql"),
                funnel.get("opportunities"), funnel.get("won"), funnel.get("lost"), funnel.get("recycled")))
                .containsExactly(4, 2, 2, 2, 2, 1, 1, 2);
        assertThat(((Number) funnel.get("wonAmount")).doubleValue()).isEqualTo(48000.0);
        Map<?, ?> rates = (Map<?, ?>) funnel.get("rates");
        assertThat(List.of(rates.get("inquiryToMql"), rates.get("mqlToSal"), rates.get("salToSql"),
                rates.get("sqlToOpportunity"), rates.get("opportunityToWon"))).containsExactly(0.5f, 1.0f, 1.0f, 1.0f, 0.5f);
        Map<?, ?> velocity = (Map<?, ?>) funnel.get("velocityDays");
        // Days from capture: MQL 1, SAL 2, SQL 3, opportunity 5.5 (5 and 6), closed 27.5 (35 and 20).
        Map<?, ?> fromCapture = (Map<?, ?>) funnel.get("daysFromCapture");
        assertThat(((Number) fromCapture.get("opportunity")).doubleValue()).isCloseTo(5.5, within(0.01));
        assertThat(((Number) fromCapture.get("closed")).doubleValue()).isCloseTo(27.5, within(0.01));
        assertThat(((Number) velocity.get("inquiryToMql")).doubleValue()).isCloseTo(1.0, within(0.01));
        assertThat(((Number) velocity.get("mqlToSal")).doubleValue()).isCloseTo(1.0, within(0.01));
        assertThat(((Number) velocity.get("salToSql")).doubleValue()).isCloseTo(1.0, within(0.01));
        assertThat(((Number) velocity.get("sqlToOpportunity")).doubleValue()).isCloseTo(2.5, within(0.01));
        assertThat(((Number) velocity.get("opportunityToClose")).doubleValue()).isCloseTo(22.0, within(0.01));

        JsonPath byChannel = get("/api/v1/kpi/funnel?by=channel&" + months);
        assertThat(byChannel.getList("groups.key")).contains("form", "webhook", "import");
    }

    @Test
    void speedToLeadAndSlaAttainmentAreMeasuredFromCapture() {
        Map<String, Object> speed = group(get("/api/v1/kpi/speed?by=campaign&" + months), campaign);
        Map<?, ?> assigned = (Map<?, ?>) speed.get("assigned");
        Map<?, ?> firstTouch = (Map<?, ?>) speed.get("firstTouch");
        assertThat(((Number) assigned.get("count")).intValue()).isEqualTo(3);
        assertThat(((Number) assigned.get("p50")).doubleValue()).isCloseTo(2.0, within(0.5));
        assertThat(((Number) firstTouch.get("count")).intValue()).isEqualTo(2);
        assertThat(((Number) firstTouch.get("p99")).doubleValue()).isCloseTo(30.0, within(7.5));
        Map<?, ?> sla = (Map<?, ?>) speed.get("sla");
        assertThat(List.of(sla.get("met"), sla.get("breached"))).containsExactly(1, 2);
        assertThat(((Number) sla.get("attainment")).doubleValue()).isCloseTo(0.3333, within(0.0001));
    }

    @Test
    void experimentsCompareTheVariantsWithConfidenceIntervals() {
        JsonPath experiments = get("/api/v1/kpi/experiments?by=variant&" + months);
        Map<String, Object> armA = group(experiments, experiment + ":a");
        Map<String, Object> armB = group(experiments, experiment + ":b");
        assertThat(armA.get("leads")).isEqualTo(2);
        assertThat(((Map<?, ?>) armA.get("sql")).get("rate")).isEqualTo(0.5f);
        assertThat((List<?>) ((Map<?, ?>) armA.get("sql")).get("ci95")).hasSize(2);
        assertThat(armB.get("leads")).isEqualTo(1);
        assertThat(((Map<?, ?>) armB.get("opportunity")).get("rate")).isEqualTo(1.0f);
    }

    @Test
    void fairnessShowsEachSdrsShareOfThePool() {
        Map<String, Object> fairness = get("/api/v1/kpi/fairness?" + months).getMap("pools.find { it.pool == '" + pool + "' }");
        assertThat(fairness.get("leads")).isEqualTo(3);
        List<Map<String, Object>> sdrs = (List<Map<String, Object>>) fairness.get("sdrs");
        assertThat(sdrs).extracting(s -> s.get("sdrId")).containsExactly("sdr-a-" + run, "sdr-b-" + run);
        assertThat(((Number) sdrs.get(0).get("share")).doubleValue()).isCloseTo(0.6667, within(0.0001));
        assertThat(((Number) fairness.get("maxShareOverEven")).doubleValue()).isCloseTo(0.3333, within(0.0001));
    }

    @Test
    void spendGivesTheCostPerLeadOpportunityAndWonDeal() {
        String month = YearMonth.from(t0.atZone(ZoneOffset.UTC)).toString();
        given().auth().oauth2(TestTokens.revops()).contentType("application/json").body("{\"amount\": 1000.00, \"currency\": \"eur\"}")
                .when().put("/api/v1/kpi/spend/" + campaign.toUpperCase() + "/" + month)
                .then().statusCode(200);
        Map<String, Object> cost = get("/api/v1/kpi/cost?" + months).getMap("campaigns.find { it.campaign == '" + campaign + "' }");
        assertThat(cost.get("currency")).isEqualTo("EUR");
        assertThat(List.of(cost.get("leads"), cost.get("opportunities"), cost.get("won"))).containsExactly(4, 2, 1);
        assertThat(List.of(cost.get("costPerLead"), cost.get("costPerOpportunity"), cost.get("costPerWon")))
                .containsExactly(250.0f, 500.0f, 1000.0f);

        given().auth().oauth2(TestTokens.revops()).contentType("application/json").body("{\"amount\": -1, \"currency\": \"euro\"}")
                .when().put("/api/v1/kpi/spend/x/2026-13")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("amount", "currency", "month"));
    }

    @Test
    void aRebuildFromTheLeadsGivesTheSameAnswers() {
        Map<String, Object> funnelBefore = group(get("/api/v1/kpi/funnel?by=campaign&" + months), campaign);
        Map<String, Object> speedBefore = group(get("/api/v1/kpi/speed?by=campaign&" + months), campaign);

        given().auth().oauth2(TestTokens.revops()).when().post("/api/v1/kpi/rebuild").then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).when().post("/api/v1/kpi/rebuild").then().statusCode(200);

        assertThat(group(get("/api/v1/kpi/funnel?by=campaign&" + months), campaign)).isEqualTo(funnelBefore);
        assertThat(group(get("/api/v1/kpi/speed?by=campaign&" + months), campaign)).isEqualTo(speedBefore);
    }

    @Test
    void badParametersAndCallersAreRefused() {
        given().auth().oauth2(TestTokens.revops()).when().get("/api/v1/kpi/funnel?by=planet")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItems("by"));
        given().auth().oauth2(TestTokens.revops()).when().get("/api/v1/kpi/speed?from=2026-13&to=2025-01")
                .then().statusCode(400).body("errors.field", hasItems("from"));
        given().auth().oauth2(TestTokens.revops()).when().get("/api/v1/kpi/speed?from=2026-05&to=2026-01")
                .then().statusCode(400).body("errors.field", hasItems("to"));
        given().auth().oauth2(TestTokens.sdr("sdr-1")).when().get("/api/v1/kpi/funnel").then().statusCode(403);
        given().when().get("/api/v1/kpi/funnel").then().statusCode(401);
    }
}
