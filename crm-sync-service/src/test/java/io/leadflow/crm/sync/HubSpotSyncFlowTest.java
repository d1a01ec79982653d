package io.leadflow.crm.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.leadflow.contracts.EventContracts;
import io.leadflow.crm.connector.hubspot.HubSpotWebhookSignature;
import io.leadflow.crm.outcome.OutcomePoller;
import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.localstack.TestTokens;
import io.leadflow.messaging.testing.Sql;
import io.leadflow.messaging.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.leadflow.messaging.testing.TopicProbe.keyed;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/**
 * crm-sync against HubSpot as WireMock reproduces its CRM v3 API, with the real Kafka, PostgreSQL and Debezium of the
 * local stack: a LeadQualified on leads.routing.v1 becomes one HubSpot deal with its company and contact; a rate
 * limited call is retried after Retry-After; a rejected sync is dead-lettered, listed and replayed; a signed deal
 * webhook and the poller bring the deal's close back as OpportunityClosed (and LeadRecycled); a job left for a
 * connection no longer configured does not stop the worker.
 *
 * <p>Each test has its own lead, domain and HubSpot ids, and stubs only requests that carry them, so the tests share
 * one HubSpot without seeing each other's calls.
 */
@QuarkusTest
@TestProfile(HubSpotProfile.class)
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "crm_sync"))
class HubSpotSyncFlowTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String ROUTING = "leads.routing.v1";
    private static final String DLQ_TOPIC = "leads.crm.hubspot.dlq.v1";

    private static final String COMPANY_SEARCH = "/crm/v3/objects/companies/search";
    private static final String COMPANIES = "/crm/v3/objects/companies";
    private static final String CONTACTS = "/crm/v3/objects/contacts";
    private static final String DEALS = "/crm/v3/objects/deals";
    private static final String DEAL_SEARCH = "/crm/v3/objects/deals/search";
    private static final String LEAD_ID_PROPERTY = "$.properties.leadflow_lead_id";

    @CrmWireMock.Crm
    WireMockServer hubspot;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    Pool db;
    @Inject
    ObjectMapper mapper;
    @Inject
    Connections connections;
    @Inject
    OutcomePoller poller;

    @TestHTTPResource("/api/v1/crm/webhooks/hubspot/hubspot")
    URL webhook;

    /** One test's lead, with the ids HubSpot gives its company, contact and deal. */
    record Lead(UUID id, String domain, String email, String companyId, String contactId, String dealId) {

        static Lead fresh() {
            UUID id = UUID.randomUUID();
            String domain = "acme-" + id.toString().substring(0, 8) + ".com";
            long base = ThreadLocalRandom.current().nextLong(1_000_000L, 9_000_000L) * 10;
            return new Lead(id, domain, "ada@" + domain, String.valueOf(base + 1), String.valueOf(base + 2),
                    String.valueOf(base + 3));
        }

        String key() {
            return id.toString();
        }
    }

    // ---- 1 ----

    @Test
    void aQualifiedLeadBecomesOneHubSpotDealWithItsCompanyAndContact() throws Exception {
        Lead lead = Lead.fresh();
        stubNewCompanyAndContact(lead);
        stubDealCreated(lead);
        stubAssociations(lead);

        try (TopicProbe crm = TopicProbe.on(bootstrap, "leads.crm.v1")) {
            qualify(lead);
            Row sync = awaitState(lead, "synced");

            assertThat(sync.getString("connection")).isEqualTo("hubspot");
            assertThat(sync.getString("crm")).isEqualTo("hubspot");
            assertThat(sync.getString("crm_account_id")).isEqualTo(lead.companyId());
            assertThat(sync.getString("crm_contact_id")).isEqualTo(lead.contactId());
            assertThat(sync.getString("crm_opportunity_id")).isEqualTo(lead.dealId());
            assertThat(sync.getString("owner_id")).isEqualTo("501");
            assertThat(sync.getString("stage")).isEqualTo("appointmentscheduled");
            assertThat(sync.getString("lifecycle")).isEqualTo("opportunity");
            assertThat(sync.getInteger("attempts")).isEqualTo(1);
            assertThat(sync.getString("last_error")).isNull();
            UUID opportunityId = sync.getUUID("opportunity_id");

            JsonNode created = single(lead, "OpportunityCreated");
            assertThat(created.get("opportunityId").asText()).isEqualTo(opportunityId.toString());
            assertThat(created.get("crm").asText()).isEqualTo("hubspot");
            assertThat(created.get("connection").asText()).isEqualTo("hubspot");
            assertThat(created.at("/crmIds/account").asText()).isEqualTo(lead.companyId());
            assertThat(created.at("/crmIds/contact").asText()).isEqualTo(lead.contactId());
            assertThat(created.at("/crmIds/opportunity").asText()).isEqualTo(lead.dealId());
            // Leadflow's ids of HubSpot records: name-based, so one HubSpot company is one account id everywhere
            assertThat(created.get("accountId").asText()).isEqualTo(nameUuid("hubspot:account:" + lead.companyId()));
            assertThat(created.get("contactId").asText()).isEqualTo(nameUuid("hubspot:contact:" + lead.contactId()));
            assertThat(created.get("name").asText()).isEqualTo("Acme Robotics - new business");
            assertThat(created.get("stage").asText()).isEqualTo("appointmentscheduled");
            assertThat(created.get("ownerId").asText()).isEqualTo("501");
            assertThat(created.at("/account/domain").asText()).isEqualTo(lead.domain());
            // ... and Debezium relays it to leads.crm.v1
            ConsumerRecord<String, String> relayed = crm.awaitOne(keyed(lead.key(), "OpportunityCreated"), DEADLINE);
            assertThat(mapper.readTree(relayed.value()).get("crmIds")).isEqualTo(created.get("crmIds"));
        }

        // exactly one deal, carrying the lead id HubSpot keys it by and the plan's values
        List<LoggedRequest> dealCreates = hubspot.findAll(dealCreate(lead));
        assertThat(dealCreates).hasSize(1);
        JsonNode deal = mapper.readTree(dealCreates.get(0).getBodyAsString()).get("properties");
        assertThat(deal.get("leadflow_lead_id").asText()).isEqualTo(lead.key());
        assertThat(deal.get("dealname").asText()).isEqualTo("Acme Robotics - new business");
        assertThat(deal.get("pipeline").asText()).isEqualTo("default");
        assertThat(deal.get("dealstage").asText()).isEqualTo("appointmentscheduled");
        // the budget answer, "50k EUR approved"
        assertThat(new java.math.BigDecimal(deal.get("amount").asText())).isEqualByComparingTo("50000");
        assertThat(deal.get("closedate").asText()).isEqualTo(String.valueOf(
                LocalDate.of(2026, 11, 22).plusDays(90).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli()));
        assertThat(hubspot.findAll(postRequestedFor(urlPathEqualTo(DEALS)))
                .stream().filter(r -> r.getBodyAsString().contains(lead.key())).toList()).hasSize(1);
        assertThat(properties(postRequestedFor(urlPathEqualTo(COMPANIES))
                .withRequestBody(matchingJsonPath("$.properties.domain", equalTo(lead.domain())))))
                .isEqualTo(mapper.readTree("{\"name\":\"Acme Robotics\",\"domain\":\"" + lead.domain() + "\"}"));
        JsonNode contact = properties(postRequestedFor(urlPathEqualTo(CONTACTS))
                .withRequestBody(matchingJsonPath("$.properties.email", equalTo(lead.email()))));
        assertThat(contact.get("firstname").asText()).isEqualTo("Ada");
        assertThat(contact.get("lifecyclestage").asText()).isEqualTo("opportunity");
        hubspot.verify(1, putRequestedFor(urlPathEqualTo(association("deals", lead.dealId(), "companies", lead.companyId()))));
        hubspot.verify(1, putRequestedFor(urlPathEqualTo(association("deals", lead.dealId(), "contacts", lead.contactId()))));
        hubspot.verify(1, putRequestedFor(urlPathEqualTo(association("contacts", lead.contactId(), "companies", lead.companyId()))));

        // the sync log: one row per HubSpot call, each with the id HubSpot can find it by
        List<Row> calls = calls(lead);
        assertThat(calls).extracting(r -> r.getString("operation")).containsExactly("company.search",
                "company.create", "contact.find", "contact.create", "deal.find", "deal.create",
                "deal.associate.company", "deal.associate.contact", "contact.associate.company");
        assertThat(calls).extracting(r -> r.getInteger("status")).containsExactly(200, 201, 404, 201, 404, 201, 200, 200, 200);
        assertThat(calls).allSatisfy(call -> {
            assertThat(call.getString("outcome")).isEqualTo("ok");
            assertThat(call.getString("connection")).isEqualTo("hubspot");
            assertThat(call.getString("request_id")).isNotBlank();
            assertThat(call.getString("path")).doesNotContain(lead.email()).doesNotContain("?");
        });
        Set<String> sentIds = new HashSet<>();
        List<LoggedRequest> ours = requestsOf(lead);
        assertThat(ours).hasSize(calls.size());
        ours.forEach(request -> {
            sentIds.add(request.getHeader("X-Request-Id"));
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + HubSpotProfile.TOKEN);
        });
        // HubSpot's correlation id when it sends one, else the request id we sent
        assertThat(calls.get(1).getString("request_id")).isEqualTo("corr-company-" + lead.companyId());
        assertThat(calls).filteredOn(call -> !"company.create".equals(call.getString("operation")))
                .allSatisfy(call -> assertThat(sentIds).contains(call.getString("request_id")));
    }

    // ---- 2 ----

    @Test
    void aRateLimitedCallIsRetriedAfterRetryAfterAndSucceeds() throws Exception {
        Lead lead = Lead.fresh();
        stubExistingCompanyAndContact(lead);
        stubDealNotFound(lead);
        String scenario = "rate-limited-" + lead.key();
        hubspot.stubFor(post(urlPathEqualTo(DEALS)).withRequestBody(matchingJsonPath(LEAD_ID_PROPERTY, equalTo(lead.key())))
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("limit over")
                .willReturn(json(429, "{\"status\":\"error\",\"message\":\"You have reached your secondly limit.\","
                        + "\"errorType\":\"RATE_LIMIT\",\"correlationId\":\"corr-429-" + lead.dealId() + "\","
                        + "\"policyName\":\"SECONDLY\",\"category\":\"RATE_LIMITS\"}")
                        .withHeader("Retry-After", "1").withHeader("X-HubSpot-RateLimit-Remaining", "0")));
        hubspot.stubFor(post(urlPathEqualTo(DEALS)).withRequestBody(matchingJsonPath(LEAD_ID_PROPERTY, equalTo(lead.key())))
                .inScenario(scenario).whenScenarioStateIs("limit over")
                .willReturn(json(201, deal(lead, "appointmentscheduled", null, Instant.now()))));
        stubAssociations(lead);

        qualify(lead);
        Row sync = awaitState(lead, "synced");

        // Waiting out HubSpot's limit spends no attempt: only the call that went through counts.
        assertThat(sync.getInteger("attempts")).isEqualTo(1);
        assertThat(sync.getString("crm_opportunity_id")).isEqualTo(lead.dealId());
        assertThat(sync.getString("last_error")).isNull();
        // the company and contact HubSpot already had are reused, not created again
        assertThat(sync.getString("crm_account_id")).isEqualTo(lead.companyId());
        assertThat(sync.getString("crm_contact_id")).isEqualTo(lead.contactId());

        List<LoggedRequest> creates = hubspot.findAll(dealCreate(lead));
        assertThat(creates).hasSize(2);
        // the retry waited for HubSpot's Retry-After (1 s), not just the connection's 200 ms backoff
        assertThat(Duration.between(creates.get(0).getLoggedDate().toInstant(), creates.get(1).getLoggedDate().toInstant()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(990));

        List<Row> limited = calls(lead).stream().filter(r -> "rate_limited".equals(r.getString("outcome"))).toList();
        assertThat(limited).singleElement().satisfies(call -> {
            assertThat(call.getString("operation")).isEqualTo("deal.create");
            assertThat(call.getInteger("status")).isEqualTo(429);
            assertThat(call.getString("request_id")).isEqualTo("corr-429-" + lead.dealId());
            assertThat(call.getString("error")).contains("secondly limit");
        });
        assertThat(calls(lead)).filteredOn(r -> "deal.create".equals(r.getString("operation")))
                .extracting(r -> r.getInteger("status")).containsExactly(429, 201);
        assertThat(events(lead, "OpportunityCreated")).hasSize(1);
        assertThat(events(lead, "CrmSyncFailed")).isEmpty();
    }

    // ---- 3 ----

    @Test
    void aRejectedSyncIsDeadLetteredListedAndReplayedAfterTheFix() throws Exception {
        Lead lead = Lead.fresh();
        stubExistingCompanyAndContact(lead);
        stubDealNotFound(lead);
        stubAssociations(lead);
        String invalid = "Property values were not valid: [{\\\"isValid\\\":false,\\\"message\\\":\\\""
                + "appointmentscheduled was not one of the allowed options: [qualifiedtobuy, closedwon, closedlost]\\\","
                + "\\\"error\\\":\\\"INVALID_OPTION\\\",\\\"name\\\":\\\"dealstage\\\",\\\"localizedErrorMessage\\\":"
                + "\\\"appointmentscheduled was not one of the allowed options\\\"}]";
        StubMapping rejecting = hubspot.stubFor(post(urlPathEqualTo(DEALS))
                .withRequestBody(matchingJsonPath(LEAD_ID_PROPERTY, equalTo(lead.key())))
                .willReturn(json(400, "{\"status\":\"error\",\"message\":\"" + invalid + "\",\"correlationId\":\""
                        + "corr-400-" + lead.dealId() + "\",\"category\":\"VALIDATION_ERROR\"}")));

        try (TopicProbe dlq = TopicProbe.on(bootstrap, DLQ_TOPIC)) {
            qualify(lead);
            Row failed = awaitState(lead, "failed");

            // HubSpot refused the data: no retry can succeed, so the first attempt is the last
            assertThat(failed.getInteger("attempts")).isEqualTo(1);
            assertThat(failed.getString("last_error")).startsWith("rejected: deal.create: HTTP 400 VALIDATION_ERROR")
                    .contains("dealstage");
            assertThat(failed.getString("crm_opportunity_id")).isNull();
            hubspot.verify(1, dealCreate(lead));

            List<Row> dead = Sql.rows(db, "select aggregatetype, cast(payload as text) as payload from outbox "
                    + "where aggregateid = $1 and type = 'CrmSyncFailed'", lead.key());
            assertThat(dead).singleElement().satisfies(row -> {
                assertThat(row.getString("aggregatetype")).isEqualTo("crm.hubspot.dlq");
                assertThat(EventContracts.violations("CrmSyncFailed", row.getString("payload"))).isEmpty();
            });
            ConsumerRecord<String, String> record = dlq.awaitOne(keyed(lead.key(), "CrmSyncFailed"), DEADLINE);
            assertThat(EventContracts.violations("CrmSyncFailed", record.value())).isEmpty();
            JsonNode deadLetter = mapper.readTree(record.value());
            assertThat(deadLetter.get("connection").asText()).isEqualTo("hubspot");
            assertThat(deadLetter.get("crm").asText()).isEqualTo("hubspot");
            assertThat(deadLetter.get("attempts").asInt()).isEqualTo(1);
            assertThat(deadLetter.get("reason").asText()).contains("VALIDATION_ERROR").contains("dealstage");
            assertThat(events(lead, "OpportunityCreated")).isEmpty();
            assertThat(calls(lead)).last().satisfies(call -> {
                assertThat(call.getString("operation")).isEqualTo("deal.create");
                assertThat(call.getString("outcome")).isEqualTo("rejected");
                assertThat(call.getInteger("status")).isEqualTo(400);
                assertThat(call.getString("request_id")).isEqualTo("corr-400-" + lead.dealId());
            });
        }

        given().auth().oauth2(TestTokens.revops()).queryParam("state", "failed").queryParam("connection", "hubspot")
                .when().get("/api/v1/crm/syncs")
                .then().statusCode(200).body("syncs.leadId", hasItem(lead.key()));
        given().auth().oauth2(TestTokens.revops()).queryParam("state", "synced")
                .when().get("/api/v1/crm/syncs")
                .then().statusCode(200).body("syncs.leadId", not(hasItem(lead.key())));
        given().auth().oauth2(TestTokens.revops()).when().get("/api/v1/crm/syncs/" + lead.key())
                .then().statusCode(200).body("state", is("failed")).body("lastError", org.hamcrest.Matchers.containsString("dealstage"));

        // only RevOps (or an admin) replays
        given().auth().oauth2(TestTokens.sdr("sdr-1")).when().post("/api/v1/crm/syncs/" + lead.key() + "/replay")
                .then().statusCode(403);
        assertThat(sync(lead).getString("state")).isEqualTo("failed");

        // RevOps fixes the portal (the stage exists now): HubSpot takes the deal
        hubspot.removeStubMapping(rejecting);
        stubDealCreated(lead);
        given().auth().oauth2(TestTokens.revops()).when().post("/api/v1/crm/syncs/" + lead.key() + "/replay")
                .then().statusCode(200).body("state", is("pending")).body("attempts", is(0))
                .body("lastError", org.hamcrest.Matchers.nullValue());

        Row synced = awaitState(lead, "synced");
        assertThat(synced.getInteger("attempts")).isEqualTo(1);
        assertThat(synced.getString("crm_opportunity_id")).isEqualTo(lead.dealId());
        hubspot.verify(2, dealCreate(lead));
        assertThat(events(lead, "OpportunityCreated")).singleElement()
                .satisfies(created -> assertThat(created.at("/crmIds/opportunity").asText()).isEqualTo(lead.dealId()));
        assertThat(events(lead, "CrmSyncFailed")).hasSize(1);

        given().auth().oauth2(TestTokens.revops()).when().post("/api/v1/crm/syncs/" + lead.key() + "/replay")
                .then().statusCode(409);
        given().auth().oauth2(TestTokens.revops()).when().post("/api/v1/crm/syncs/" + UUID.randomUUID() + "/replay")
                .then().statusCode(404);
    }

    // ---- 4 ----

    @Test
    void aSignedDealWebhookClosesTheOpportunityAndRecyclesTheLead() throws Exception {
        Lead lead = Lead.fresh();
        UUID opportunityId = syncedLead(lead);
        hubspot.stubFor(get(urlPathEqualTo(DEALS + "/" + lead.dealId()))
                .willReturn(json(200, deal(lead, "closedlost", "No budget this year", Instant.now()))));
        String delivery = "[{\"eventId\":" + lead.dealId() + "1,\"subscriptionId\":2471,\"portalId\":62515,"
                + "\"appId\":1160452,\"occurredAt\":" + Instant.now().toEpochMilli() + ","
                + "\"subscriptionType\":\"deal.propertyChange\",\"attemptNumber\":0,\"objectId\":" + lead.dealId() + ","
                + "\"propertyName\":\"dealstage\",\"propertyValue\":\"closedlost\",\"changeSource\":\"CRM\","
                + "\"sourceId\":\"userId:4211\"}]";
        String timestamp = String.valueOf(Instant.now().toEpochMilli());
        String signature = new HubSpotWebhookSignature(HubSpotProfile.WEBHOOK_SECRET)
                .sign("POST", webhook.toString(), delivery, timestamp);

        // a delivery not signed with the app's secret is refused before anything is read or changed
        String forged = new HubSpotWebhookSignature("not-the-secret").sign("POST", webhook.toString(), delivery, timestamp);
        given().contentType(ContentType.JSON).header(HubSpotWebhookSignature.TIMESTAMP_HEADER, timestamp)
                .header(HubSpotWebhookSignature.SIGNATURE_HEADER, forged).body(delivery.getBytes(StandardCharsets.UTF_8))
                .when().post(webhook)
                .then().statusCode(401).contentType("application/problem+json")
                .body("status", is(401)).body("errors[0].field", is(HubSpotWebhookSignature.SIGNATURE_HEADER));
        hubspot.verify(0, getRequestedFor(urlPathEqualTo(DEALS + "/" + lead.dealId())));
        assertThat(sync(lead).getString("outcome")).isNull();
        assertThat(events(lead, "OpportunityClosed")).isEmpty();

        deliver(delivery, timestamp, signature);

        hubspot.verify(1, getRequestedFor(urlPathEqualTo(DEALS + "/" + lead.dealId())));
        JsonNode closed = single(lead, "OpportunityClosed");
        assertThat(closed.get("opportunityId").asText()).isEqualTo(opportunityId.toString());
        assertThat(closed.get("outcome").asText()).isEqualTo("LOST");
        assertThat(closed.get("reason").asText()).isEqualTo("No budget this year");
        assertThat(closed.get("crm").asText()).isEqualTo("hubspot");
        assertThat(closed.get("stage").asText()).isEqualTo("closedlost");
        assertThat(closed.get("lifecycle").asText()).isEqualTo("lead");
        assertThat(closed.at("/attribution/source").asText()).isEqualTo("google");
        assertThat(closed.at("/attribution/campaign").asText()).isEqualTo("q4-demo");
        assertThat(closed.at("/attribution/sdrId").asText()).isEqualTo("sdr-1");
        JsonNode recycled = single(lead, "LeadRecycled");
        assertThat(recycled.get("opportunityId").asText()).isEqualTo(opportunityId.toString());
        assertThat(recycled.get("reason").asText()).isEqualTo("No budget this year");
        assertThat(recycled.get("recycledTo").asText()).isEqualTo("nurture");
        assertThat(recycled.get("sdrId").asText()).isEqualTo("sdr-1");
        Row sync = sync(lead);
        assertThat(sync.getString("outcome")).isEqualTo("LOST");
        assertThat(sync.getString("stage")).isEqualTo("closedlost");
        assertThat(sync.getString("lifecycle")).isEqualTo("lead");
        assertThat(sync.getString("loss_reason")).isEqualTo("No budget this year");

        // HubSpot delivers at least once: the same delivery again reads the deal and changes nothing
        deliver(delivery, timestamp, signature);

        hubspot.verify(2, getRequestedFor(urlPathEqualTo(DEALS + "/" + lead.dealId())));
        assertThat(events(lead, "OpportunityClosed")).hasSize(1);
        assertThat(events(lead, "LeadRecycled")).hasSize(1);
        assertThat(events(lead, "OpportunityStageChanged")).isEmpty();
    }

    // ---- 5 ----

    @Test
    void pollingPicksUpAWonDealAndTheContactBecomesACustomerInHubSpot() throws Throwable {
        Lead lead = Lead.fresh();
        UUID opportunityId = syncedLead(lead);
        // the contact as HubSpot holds it after the sync, and its update
        hubspot.stubFor(get(urlPathEqualTo(CONTACTS + "/" + lead.contactId())).withQueryParam("properties", equalTo("lifecyclestage"))
                .willReturn(json(200, "{\"id\":\"" + lead.contactId() + "\",\"properties\":{\"lifecyclestage\":\"opportunity\"}}")));
        hubspot.stubFor(patch(urlPathEqualTo(CONTACTS + "/" + lead.contactId()))
                .willReturn(json(200, "{\"id\":\"" + lead.contactId() + "\",\"properties\":{}}")));
        hubspot.stubFor(post(urlPathEqualTo(DEAL_SEARCH))
                .withRequestBody(matchingJsonPath("$.filterGroups[0].filters[1].propertyName", equalTo("leadflow_lead_id")))
                .willReturn(json(200, "{\"total\":1,\"results\":[" + deal(lead, "closedwon", null, Instant.now())
                        .replace("\"amount\":\"50000\"", "\"amount\":\"48000.50\"") + "]}")));
        Connection connection = connections.named("hubspot");

        Integer applied = VertxContextSupport.subscribeAndAwait(() -> poller.poll(connection));

        assertThat(applied).isEqualTo(1);
        JsonNode closed = single(lead, "OpportunityClosed");
        assertThat(closed.get("opportunityId").asText()).isEqualTo(opportunityId.toString());
        assertThat(closed.get("outcome").asText()).isEqualTo("WON");
        assertThat(closed.get("lifecycle").asText()).isEqualTo("customer");
        assertThat(closed.get("crm").asText()).isEqualTo("hubspot");
        assertThat(closed.get("amount").decimalValue()).isEqualByComparingTo("48000.50");
        assertThat(events(lead, "LeadRecycled")).isEmpty();
        Row sync = sync(lead);
        assertThat(sync.getString("outcome")).isEqualTo("WON");
        assertThat(sync.getString("lifecycle")).isEqualTo("customer");
        assertThat(sync.getBigDecimal("amount")).isEqualByComparingTo("48000.50");

        // the next poll reads the same deal again (HubSpot's search lags): it is not closed twice
        VertxContextSupport.subscribeAndAwait(() -> poller.poll(connection));
        assertThat(events(lead, "OpportunityClosed")).hasSize(1);

        // the lifecycle follows in HubSpot: the contact is a customer there too, once
        await().atMost(DEADLINE).until(() -> "customer".equals(sync(lead).getString("lifecycle_pushed")));
        hubspot.verify(1, patchRequestedFor(urlPathEqualTo(CONTACTS + "/" + lead.contactId()))
                .withRequestBody(matchingJsonPath("$.properties.lifecyclestage", equalTo("customer"))));
        assertThat(calls(lead)).extracting(row -> row.getString("operation")).contains("contact.update");
    }

    // ---- 6 ----

    @Test
    void aJobOfAConnectionNoLongerConfiguredFailsWithoutStoppingTheWorker() throws Exception {
        // a job left pending for a connection since removed from the configuration (renamed, retired)
        Lead orphan = Lead.fresh();
        Sql.rows(db, """
                insert into crm_sync (lead_id, connection, crm, opportunity_id, conversion, state, next_attempt_at,
                                      lifecycle, created_at, updated_at)
                values ($1, 'retired', 'hubspot', $2, '{}'::jsonb, 'pending', now(), 'salesqualifiedlead', now(), now())
                """, orphan.id(), UUID.randomUUID());
        try {
            await().atMost(DEADLINE).until(() -> "failed".equals(sync(orphan).getString("state")));

            Lead lead = Lead.fresh();
            syncedLead(lead);

            // failed, saying why, so RevOps sees it (and can replay it once the connection is configured again)
            Row left = sync(orphan);
            assertThat(left.getString("state")).isEqualTo("failed");
            assertThat(left.getString("last_error")).contains("connection retired is not configured");
            assertThat(calls(orphan)).isEmpty();
        } finally {
            Sql.rows(db, "delete from crm_sync where lead_id = $1", orphan.id());
        }
    }

    // ---- the lead ----

    /**
     * Routing's LeadAssigned (the lead's story: source, SDR, rule) and LeadQualified, as the contract's examples have
     * them, for this lead at its own company.
     */
    private void qualify(Lead lead) throws Exception {
        send(lead, "LeadAssigned");
        send(lead, "LeadQualified");
    }

    private void send(Lead lead, String type) throws Exception {
        ObjectNode event = (ObjectNode) mapper.readTree(EventContracts.example(type));
        String eventId = UUID.randomUUID().toString();
        event.put("leadId", lead.key()).put("eventId", eventId);
        ((ObjectNode) event.get("lead")).put("email", lead.email());
        ((ObjectNode) event.get("enrichment")).put("emailDomain", lead.domain()).put("companyDomain", lead.domain());
        assertThat(EventContracts.violations(type, event.toString())).isEmpty();
        TopicProbe.send(bootstrap, ROUTING, lead.key(), eventId, type, event.toString());
    }

    /** A lead synced to HubSpot as a new deal; answers its opportunity id. */
    private UUID syncedLead(Lead lead) throws Exception {
        stubNewCompanyAndContact(lead);
        stubDealCreated(lead);
        stubAssociations(lead);
        qualify(lead);
        return awaitState(lead, "synced").getUUID("opportunity_id");
    }

    private Row awaitState(Lead lead, String state) {
        await().atMost(DEADLINE).until(() -> {
            List<Row> rows = Sql.rows(db, "select state from crm_sync where lead_id = $1", lead.id());
            return !rows.isEmpty() && state.equals(rows.get(0).getString("state"));
        });
        return sync(lead);
    }

    private Row sync(Lead lead) {
        return Sql.rows(db, "select * from crm_sync where lead_id = $1", lead.id()).get(0);
    }

    private List<Row> calls(Lead lead) {
        return Sql.rows(db, "select * from crm_sync_log where lead_id = $1 order by id", lead.id());
    }

    /** The lead's events of a type in the outbox, each valid by its contract. */
    private List<JsonNode> events(Lead lead, String type) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        for (Row row : Sql.rows(db, "select cast(payload as text) as payload from outbox where aggregateid = $1 "
                + "and type = $2 order by occurred_at", lead.key(), type)) {
            assertThat(EventContracts.violations(type, row.getString("payload"))).isEmpty();
            events.add(mapper.readTree(row.getString("payload")));
        }
        return events;
    }

    private JsonNode single(Lead lead, String type) throws Exception {
        List<JsonNode> events = events(lead, type);
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private void deliver(String delivery, String timestamp, String signature) {
        given().contentType(ContentType.JSON).header(HubSpotWebhookSignature.TIMESTAMP_HEADER, timestamp)
                .header(HubSpotWebhookSignature.SIGNATURE_HEADER, signature).body(delivery.getBytes(StandardCharsets.UTF_8))
                .when().post(webhook)
                .then().statusCode(204);
    }

    private static String nameUuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    // ---- HubSpot ----

    private void stubNewCompanyAndContact(Lead lead) {
        hubspot.stubFor(post(urlPathEqualTo(COMPANY_SEARCH))
                .withRequestBody(matchingJsonPath("$.filterGroups[0].filters[0].value", equalTo(lead.domain())))
                .willReturn(json(200, "{\"total\":0,\"results\":[]}")));
        hubspot.stubFor(post(urlPathEqualTo(COMPANIES))
                .withRequestBody(matchingJsonPath("$.properties.domain", equalTo(lead.domain())))
                .willReturn(json(201, "{\"id\":\"" + lead.companyId() + "\",\"properties\":{\"name\":\"Acme Robotics\","
                        + "\"domain\":\"" + lead.domain() + "\",\"createdate\":\"2026-11-22T10:02:12.101Z\"},"
                        + "\"createdAt\":\"2026-11-22T10:02:12.101Z\",\"archived\":false}")
                        .withHeader("X-HubSpot-Correlation-Id", "corr-company-" + lead.companyId())));
        hubspot.stubFor(get(urlPathEqualTo(CONTACTS + "/" + lead.email())).withQueryParam("idProperty", equalTo("email"))
                .willReturn(notFound()));
        hubspot.stubFor(post(urlPathEqualTo(CONTACTS))
                .withRequestBody(matchingJsonPath("$.properties.email", equalTo(lead.email())))
                .willReturn(json(201, "{\"id\":\"" + lead.contactId() + "\",\"properties\":{\"email\":\"" + lead.email()
                        + "\"},\"archived\":false}")));
    }

    private void stubExistingCompanyAndContact(Lead lead) {
        hubspot.stubFor(post(urlPathEqualTo(COMPANY_SEARCH))
                .withRequestBody(matchingJsonPath("$.filterGroups[0].filters[0].value", equalTo(lead.domain())))
                .willReturn(json(200, "{\"total\":1,\"results\":[{\"id\":\"" + lead.companyId() + "\",\"properties\":"
                        + "{\"name\":\"Acme Robotics\",\"domain\":\"" + lead.domain() + "\"}}]}")));
        hubspot.stubFor(get(urlPathEqualTo(CONTACTS + "/" + lead.email())).withQueryParam("idProperty", equalTo("email"))
                .willReturn(json(200, "{\"id\":\"" + lead.contactId() + "\",\"properties\":{\"email\":\"" + lead.email()
                        + "\",\"firstname\":\"Ada\",\"lastname\":\"Lovelace\",\"jobtitle\":\"VP Sales\","
                        + "\"phone\":\"+44 20 7946 0958\",\"lifecyclestage\":\"lead\"}}")));
        hubspot.stubFor(patch(urlPathEqualTo(CONTACTS + "/" + lead.contactId()))
                .willReturn(json(200, "{\"id\":\"" + lead.contactId() + "\",\"properties\":{}}")));
    }

    private void stubDealNotFound(Lead lead) {
        hubspot.stubFor(get(urlPathEqualTo(DEALS + "/" + lead.key()))
                .withQueryParam("idProperty", equalTo("leadflow_lead_id")).willReturn(notFound()));
    }

    private void stubDealCreated(Lead lead) {
        stubDealNotFound(lead);
        hubspot.stubFor(post(urlPathEqualTo(DEALS)).withRequestBody(matchingJsonPath(LEAD_ID_PROPERTY, equalTo(lead.key())))
                .willReturn(json(201, deal(lead, "appointmentscheduled", null, Instant.now()))));
    }

    private void stubAssociations(Lead lead) {
        String ok = "{\"status\":\"COMPLETE\",\"results\":[]}";
        hubspot.stubFor(put(urlPathEqualTo(association("deals", lead.dealId(), "companies", lead.companyId())))
                .willReturn(json(200, ok)));
        hubspot.stubFor(put(urlPathEqualTo(association("deals", lead.dealId(), "contacts", lead.contactId())))
                .willReturn(json(200, ok)));
        hubspot.stubFor(put(urlPathEqualTo(association("contacts", lead.contactId(), "companies", lead.companyId())))
                .willReturn(json(200, ok)));
    }

    private static String association(String from, String fromId, String to, String toId) {
        return "/crm/v4/objects/" + from + "/" + fromId + "/associations/default/" + to + "/" + toId;
    }

    /** The deal as HubSpot answers a create or a read: owned by HubSpot user 501. */
    private static String deal(Lead lead, String stage, String lossReason, Instant modified) {
        boolean closed = stage.startsWith("closed");
        return "{\"id\":\"" + lead.dealId() + "\",\"properties\":{\"dealname\":\"Acme Robotics - new business\","
                + "\"dealstage\":\"" + stage + "\",\"pipeline\":\"default\",\"amount\":\"50000\","
                + "\"closedate\":\"2027-02-20T00:00:00Z\",\"hubspot_owner_id\":\"501\","
                + "\"closed_lost_reason\":" + (lossReason == null ? "null" : "\"" + lossReason + "\"") + ","
                + "\"hs_is_closed\":\"" + closed + "\",\"hs_is_closed_won\":\"" + "closedwon".equals(stage) + "\","
                + "\"hs_lastmodifieddate\":\"" + modified + "\",\"leadflow_lead_id\":\"" + lead.key() + "\"},"
                + "\"createdAt\":\"2026-11-22T10:02:12.500Z\",\"updatedAt\":\"" + modified + "\",\"archived\":false}";
    }

    private static RequestPatternBuilder dealCreate(Lead lead) {
        return postRequestedFor(urlPathEqualTo(DEALS)).withRequestBody(matchingJsonPath(LEAD_ID_PROPERTY, equalTo(lead.key())));
    }

    /** Every request HubSpot received for this lead's records. */
    private List<LoggedRequest> requestsOf(Lead lead) {
        return hubspot.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl())).stream()
                .filter(r -> {
                    String text = r.getUrl() + " " + r.getBodyAsString();
                    return text.contains(lead.domain()) || text.contains(lead.key()) || text.contains("/" + lead.dealId() + "/")
                            || text.contains("/" + lead.contactId() + "/");
                })
                .toList();
    }

    private JsonNode properties(RequestPatternBuilder pattern) throws Exception {
        List<LoggedRequest> requests = hubspot.findAll(pattern);
        assertThat(requests).hasSize(1);
        return mapper.readTree(requests.get(0).getBodyAsString()).get("properties");
    }

    private static ResponseDefinitionBuilder notFound() {
        // no correlation id in the body: the sync log then shows the X-Request-Id the connector sent
        return json(404, "{\"status\":\"error\",\"message\":\"resource not found\",\"category\":\"OBJECT_NOT_FOUND\"}");
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json;charset=utf-8").withBody(body);
    }
}
