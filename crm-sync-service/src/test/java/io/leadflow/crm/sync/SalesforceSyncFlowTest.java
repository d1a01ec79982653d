package io.leadflow.crm.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.leadflow.contracts.EventContracts;
import io.leadflow.crm.outcome.OutcomePoller;
import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.messaging.testing.Sql;
import io.leadflow.messaging.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.jsonResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole sync against Salesforce reproduced by WireMock, on the real Kafka, PostgreSQL and Debezium: the client
 * credentials token (refreshed once when Salesforce says the session expired), upserts by external id, the owner
 * from the SDR -> AE mapping in Salesforce's user ids, and a lost opportunity read back by polling SystemModstamp.
 */
@QuarkusTest
@TestProfile(SalesforceProfile.class)
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "crm_sync"))
class SalesforceSyncFlowTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String DATA = "/services/data/v61.0";
    private static final String TOKEN = "/services/oauth2/token";
    private static final String NOT_FOUND = "[{\"errorCode\":\"NOT_FOUND\",\"message\":\"The requested resource does not exist\"}]";

    @CrmWireMock.Crm
    WireMockServer salesforce;

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

    /** One test's lead and the ids Salesforce gives its records. */
    record Lead(UUID id, String domain, String email, String suffix) {

        static Lead fresh() {
            UUID id = UUID.randomUUID();
            String suffix = id.toString().substring(0, 8);
            String domain = "initech-" + suffix + ".com";
            return new Lead(id, domain, "bill@" + domain, suffix);
        }

        String accountKey() {
            return DATA + "/sobjects/Account/Leadflow_Domain__c/" + domain;
        }

        String contactKey() {
            return DATA + "/sobjects/Contact/Leadflow_Email__c/" + URLEncoder.encode(email, StandardCharsets.UTF_8);
        }

        String opportunityKey() {
            return DATA + "/sobjects/Opportunity/Leadflow_Lead_Id__c/" + id;
        }
    }

    private String token(String value) {
        return """
                {"access_token":"%s","instance_url":"%s","id":"https://login.salesforce.com/id/00D/005",
                 "token_type":"Bearer","issued_at":"1764590000000","signature":"c2ln"}""".formatted(value, salesforce.baseUrl());
    }

    /** Salesforce creates everything for this lead (the account, the contact, the opportunity and its contact role). */
    private void stubNewRecords(Lead lead) {
        salesforce.stubFor(get(urlPathEqualTo(lead.accountKey())).willReturn(jsonResponse(NOT_FOUND, 404)));
        salesforce.stubFor(patch(urlPathEqualTo(lead.accountKey())).willReturn(jsonResponse(
                "{\"id\":\"001" + lead.suffix() + "\",\"errors\":[],\"success\":true,\"created\":true}", 201)));
        salesforce.stubFor(get(urlPathEqualTo(lead.contactKey())).willReturn(jsonResponse(NOT_FOUND, 404)));
        salesforce.stubFor(patch(urlPathEqualTo(lead.contactKey())).willReturn(jsonResponse(
                "{\"id\":\"003" + lead.suffix() + "\",\"errors\":[],\"success\":true,\"created\":true}", 201)));
        salesforce.stubFor(get(urlPathEqualTo(lead.opportunityKey())).willReturn(jsonResponse(NOT_FOUND, 404)));
        salesforce.stubFor(patch(urlPathEqualTo(lead.opportunityKey())).willReturn(jsonResponse(
                "{\"id\":\"006" + lead.suffix() + "\",\"errors\":[],\"success\":true,\"created\":true}", 201)));
        salesforce.stubFor(post(urlPathEqualTo(DATA + "/sobjects/OpportunityContactRole"))
                .withRequestBody(matchingJsonPath("$.OpportunityId", equalTo("006" + lead.suffix())))
                .willReturn(jsonResponse("{\"id\":\"00K" + lead.suffix() + "\",\"errors\":[],\"success\":true}", 201)));
    }

    private void qualify(Lead lead) throws Exception {
        for (String type : List.of("LeadAssigned", "LeadQualified")) {
            ObjectNode event = (ObjectNode) mapper.readTree(EventContracts.example(type));
            String eventId = UUID.randomUUID().toString();
            event.put("leadId", lead.id().toString()).put("eventId", eventId);
            ((ObjectNode) event.get("lead")).put("email", lead.email());
            ((ObjectNode) event.get("enrichment")).put("emailDomain", lead.domain()).put("companyDomain", lead.domain());
            TopicProbe.send(bootstrap, "leads.routing.v1", lead.id().toString(), eventId, type, event.toString());
        }
    }

    private Row awaitSynced(Lead lead) {
        await().atMost(DEADLINE).until(() -> !Sql.rows(db,
                "select 1 from crm_sync where lead_id = $1 and state = 'synced'", lead.id()).isEmpty());
        return Sql.rows(db, "select * from crm_sync where lead_id = $1", lead.id()).get(0);
    }

    private List<JsonNode> events(Lead lead, String type) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        for (Row row : Sql.rows(db, "select cast(payload as text) as payload from outbox where aggregateid = $1 "
                + "and type = $2 order by occurred_at", lead.id().toString(), type)) {
            assertThat(EventContracts.violations(type, row.getString("payload"))).isEmpty();
            events.add(mapper.readTree(row.getString("payload")));
        }
        return events;
    }

    @Test
    void anExpiredSessionIsRefreshedOnceAndTheLeadBecomesOneOpportunityOwnedByTheAe() throws Exception {
        Lead lead = Lead.fresh();
        salesforce.stubFor(post(urlPathEqualTo(TOKEN)).willReturn(okJson(token("token-" + lead.suffix()))));
        stubNewRecords(lead);
        // Salesforce says the session expired on the first call (whatever token the connector holds), then answers.
        String scenario = "session-" + lead.suffix();
        salesforce.stubFor(get(urlPathEqualTo(lead.accountKey())).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("refreshed")
                .willReturn(jsonResponse("[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]", 401)));
        salesforce.stubFor(get(urlPathEqualTo(lead.accountKey())).inScenario(scenario).whenScenarioStateIs("refreshed")
                .willReturn(jsonResponse(NOT_FOUND, 404)));

        qualify(lead);
        Row sync = awaitSynced(lead);

        assertThat(sync.getString("crm")).isEqualTo("salesforce");
        assertThat(sync.getString("crm_account_id")).isEqualTo("001" + lead.suffix());
        assertThat(sync.getString("crm_contact_id")).isEqualTo("003" + lead.suffix());
        assertThat(sync.getString("crm_opportunity_id")).isEqualTo("006" + lead.suffix());
        assertThat(sync.getString("owner_id")).isEqualTo("0055g00000AnnaAE");
        // the opportunity's owner is the SDR's AE, in Salesforce's user ids; its key is the lead id
        List<LoggedRequest> upserts = salesforce.findAll(patchRequestedFor(urlPathEqualTo(lead.opportunityKey())));
        assertThat(upserts).hasSize(1);
        assertThat(upserts.get(0).getHeader("Authorization")).isEqualTo("Bearer token-" + lead.suffix());
        JsonNode opportunity = mapper.readTree(upserts.get(0).getBodyAsString());
        assertThat(opportunity.get("OwnerId").asText()).isEqualTo("0055g00000AnnaAE");
        assertThat(opportunity.get("StageName").asText()).isEqualTo("Prospecting");
        assertThat(opportunity.get("Amount").decimalValue()).isEqualByComparingTo("50000");
        assertThat(opportunity.get("AccountId").asText()).isEqualTo("001" + lead.suffix());
        salesforce.verify(postRequestedFor(urlPathEqualTo(DATA + "/sobjects/OpportunityContactRole"))
                .withRequestBody(equalToJson("{\"OpportunityId\":\"006" + lead.suffix() + "\",\"ContactId\":\"003"
                        + lead.suffix() + "\",\"IsPrimary\":true}")));

        JsonNode created = events(lead, "OpportunityCreated").get(0);
        assertThat(created.get("crm").asText()).isEqualTo("salesforce");
        assertThat(created.at("/crmIds/opportunity").asText()).isEqualTo("006" + lead.suffix());

        List<Row> calls = Sql.rows(db, "select * from crm_sync_log where lead_id = $1 order by id", lead.id());
        // the refused call, one token refresh, the same call again
        assertThat(calls).extracting(row -> row.getString("operation") + " " + row.getInteger("status"))
                .containsSubsequence("account.find 401", "token 200", "account.find 404", "opportunity.upsert 201");
        assertThat(calls).filteredOn(row -> row.getInteger("status") == 401).singleElement()
                .satisfies(row -> assertThat(row.getString("outcome")).isEqualTo("unauthorized"));
        assertThat(calls).extracting(row -> row.getString("path")).noneMatch(path -> path != null && path.contains("bill"));
    }

    @Test
    void aLostOpportunityIsReadBackByPollingAndTheLeadRecycled() throws Throwable {
        Lead lead = Lead.fresh();
        salesforce.stubFor(post(urlPathEqualTo(TOKEN)).willReturn(okJson(token("poll-" + lead.suffix()))));
        stubNewRecords(lead);
        qualify(lead);
        awaitSynced(lead);

        String modified = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC)
                .format(Instant.now().plusSeconds(1));
        salesforce.stubFor(get(urlPathEqualTo(DATA + "/query")).willReturn(okJson("""
                {"totalSize":1,"done":true,"records":[
                 {"attributes":{"type":"Opportunity"},"Id":"006%s","Leadflow_Lead_Id__c":"%s","StageName":"Closed Lost",
                  "IsClosed":true,"IsWon":false,"Amount":null,"CloseDate":"2026-12-01","Loss_Reason__c":"Timing: next fiscal year",
                  "SystemModstamp":"%s"}]}""".formatted(lead.suffix(), lead.id(), modified))));

        Integer applied = VertxContextSupport.subscribeAndAwait(() -> poller.poll(connections.named("salesforce")));

        assertThat(applied).isEqualTo(1);
        JsonNode closed = events(lead, "OpportunityClosed").get(0);
        assertThat(closed.get("outcome").asText()).isEqualTo("LOST");
        assertThat(closed.get("reason").asText()).isEqualTo("Timing: next fiscal year");
        assertThat(closed.get("crm").asText()).isEqualTo("salesforce");
        assertThat(closed.at("/attribution/campaign").asText()).isEqualTo("q4-demo");
        assertThat(events(lead, "LeadRecycled")).singleElement()
                .satisfies(recycled -> assertThat(recycled.get("reason").asText()).isEqualTo("Timing: next fiscal year"));

        // polled again (the cursor is after this change, and a repeat would change nothing anyway)
        VertxContextSupport.subscribeAndAwait(() -> poller.poll(connections.named("salesforce")));
        assertThat(events(lead, "OpportunityClosed")).hasSize(1);
    }
}
