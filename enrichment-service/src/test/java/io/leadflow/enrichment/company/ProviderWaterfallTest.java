package io.leadflow.enrichment.company;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.leadflow.contracts.EventContracts;
import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.localstack.TestTokens;
import io.leadflow.messaging.testing.Sql;
import io.leadflow.messaging.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.leadflow.messaging.testing.TopicProbe.keyed;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The waterfall end to end: LeadCaptured in, LeadEnriched out, with reference data in enrichment's PostgreSQL and a
 * company-data API ("firmo", a real local HTTP server) that answers fast, slowly, with errors or with garbage.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "enrichment"))
@QuarkusTestResource(value = FirmoProviderResource.class, restrictToAnnotatedClass = true)
class ProviderWaterfallTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String FIRMO = "/v2/companies/find";

    @InjectWireMock
    WireMockServer firmo;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    Pool db;
    @Inject
    ObjectMapper mapper;

    private static String domain() {
        return "co-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
    }

    private static String firmoAnswer(String name) {
        return """
                {"name": "%s", "category": {"industry": "Computer Software"},
                 "metrics": {"employees": 320, "estimatedAnnualRevenue": "$45M"}, "geo": {"countryCode": "DE"}}""".formatted(name);
    }

    /** A LeadCaptured whose form said only the company's name and industry. */
    private String capture(String leadId, String email) throws Exception {
        ObjectNode event = (ObjectNode) mapper.readTree(EventContracts.example("LeadCaptured"));
        event.put("leadId", leadId).put("eventId", UUID.randomUUID().toString()).put("email", email)
                .put("company", "Typed Name").put("industry", "Banque");
        event.remove(List.of("website", "employees", "revenue", "state"));
        TopicProbe.send(bootstrap, "leads.capture.v1", leadId, event.get("eventId").asText(), "LeadCaptured", event.toString());
        return leadId;
    }

    private JsonNode enrichment(ConsumerRecord<String, String> record) throws Exception {
        assertThat(EventContracts.violations("LeadEnriched", record.value())).isEmpty();
        return mapper.readTree(record.value()).get("enrichment");
    }

    private int firmoCalls(String domain) {
        return firmo.findAll(getRequestedFor(urlPathEqualTo(FIRMO)).withQueryParam("domain", equalTo(domain))).size();
    }

    @Test
    void aFastAnswerCompletesTheLeadWithinTheBudgetAndTheFormKeepsItsValues() throws Exception {
        String domain = domain();
        firmo.stubFor(get(urlPathEqualTo(FIRMO)).withQueryParam("domain", equalTo(domain))
                .withHeader("Authorization", equalTo("Bearer firmo-test-key")).willReturn(okJson(firmoAnswer("Firmo Name GmbH"))));
        String leadId = UUID.randomUUID().toString();

        try (TopicProbe enriched = TopicProbe.on(bootstrap, "leads.enrichment.v1")) {
            capture(leadId, "ada@" + domain);
            JsonNode e = enrichment(enriched.awaitOne(keyed(leadId, "LeadEnriched"), DEADLINE));

            assertThat(e.get("partial").asBoolean()).isFalse();
            assertThat(e.get("revision").asInt()).isEqualTo(1);
            // The form (0.8) outranks firmo (0.7): its name and industry stay; firmo fills what the form did not say.
            assertThat(e.at("/company/name").asText()).isEqualTo("Typed Name");
            assertThat(e.at("/company/industry").asText()).isEqualTo("financial_services");
            assertThat(e.at("/company/employeeBand").asText()).isEqualTo("201-500");
            assertThat(e.at("/company/revenueBand").asText()).isEqualTo("10M-50M");
            assertThat(e.at("/company/country").asText()).isEqualTo("DE");
            assertThat(e.at("/company/domain").asText()).isEqualTo(domain);
            assertThat(e.at("/provenance/company.name").asText()).isEqualTo("form");
            assertThat(e.at("/provenance/company.employeeBand").asText()).isEqualTo("provider:firmo");
            assertThat(e.at("/provenance/company.domain").asText()).isEqualTo("rule:email-domain");

            // A second lead of the same company: firmo's answer comes from the cache, no second call.
            String second = UUID.randomUUID().toString();
            capture(second, "grace@" + domain);
            JsonNode e2 = enrichment(enriched.awaitOne(keyed(second, "LeadEnriched"), DEADLINE));
            assertThat(e2.at("/company/employeeBand").asText()).isEqualTo("201-500");
            assertThat(firmoCalls(domain)).isEqualTo(1);
        }
        assertThat(Sql.rows(db, "select 1 from pending_enrichment where lead_id = $1", UUID.fromString(leadId))).isEmpty();
    }

    @Test
    void aSlowProviderMakesThePartialLeadLeaveOnTimeAndItsLateAnswerEmitsAnUpdate() throws Exception {
        String domain = domain();
        firmo.stubFor(get(urlPathEqualTo(FIRMO)).withQueryParam("domain", equalTo(domain))
                .willReturn(okJson(firmoAnswer("Slow Co")).withFixedDelay(700)));
        String leadId = UUID.randomUUID().toString();

        try (TopicProbe enriched = TopicProbe.on(bootstrap, "leads.enrichment.v1")) {
            capture(leadId, "ada@" + domain);
            List<ConsumerRecord<String, String>> both = enriched.await(keyed(leadId, "LeadEnriched"), 2, DEADLINE);

            JsonNode partial = enrichment(both.get(0));
            assertThat(partial.get("partial").asBoolean()).isTrue();
            assertThat(partial.get("pendingProviders")).extracting(JsonNode::asText).containsExactly("firmo");
            assertThat(partial.get("revision").asInt()).isEqualTo(1);
            assertThat(partial.at("/company/employeeBand").isNull()).isTrue();
            assertThat(partial.at("/person/seniority").asText()).isEqualTo("vp"); // the local facts never wait

            JsonNode late = enrichment(both.get(1));
            assertThat(late.get("partial").asBoolean()).isFalse();
            assertThat(late.get("pendingProviders")).isEmpty();
            assertThat(late.get("revision").asInt()).isEqualTo(2);
            assertThat(late.at("/company/employeeBand").asText()).isEqualTo("201-500");
            assertThat(late.at("/company/name").asText()).isEqualTo("Typed Name");
        }
        assertThat(Sql.rows(db, "select partial, revision, employee_band from lead_enrichment where lead_id = $1",
                UUID.fromString(leadId))).singleElement().satisfies(row -> {
                    assertThat(row.getBoolean("partial")).isFalse();
                    assertThat(row.getInteger("revision")).isEqualTo(2);
                    assertThat(row.getString("employee_band")).isEqualTo("201-500");
                });
        assertThat(Sql.rows(db, "select 1 from outbox where aggregateid = $1", leadId)).hasSize(2);
        assertThat(Sql.rows(db, "select 1 from pending_enrichment where lead_id = $1", UUID.fromString(leadId))).isEmpty();
    }

    @Test
    void aFailingProviderIsRetriedThenAskedAgainLaterAndItsAnswerCompletesTheLead() throws Exception {
        String domain = domain();
        firmo.stubFor(get(urlPathEqualTo(FIRMO)).withQueryParam("domain", equalTo(domain)).willReturn(aResponse().withStatus(503)));
        String leadId = UUID.randomUUID().toString();

        try (TopicProbe enriched = TopicProbe.on(bootstrap, "leads.enrichment.v1")) {
            capture(leadId, "ada@" + domain);
            JsonNode partial = enrichment(enriched.awaitOne(keyed(leadId, "LeadEnriched"), DEADLINE));
            assertThat(partial.get("partial").asBoolean()).isTrue();
            await().atMost(DEADLINE).until(() -> firmoCalls(domain) >= 2); // the call and its one retry
            assertThat(Sql.rows(db, "select status from pending_enrichment where lead_id = $1", UUID.fromString(leadId)))
                    .singleElement().satisfies(row -> assertThat(row.getString("status")).isEqualTo("partial"));

            // The provider recovers: the sweeper asks again after the retry interval and the lead is completed.
            firmo.stubFor(get(urlPathEqualTo(FIRMO)).withQueryParam("domain", equalTo(domain)).willReturn(okJson(firmoAnswer("Back"))));
            List<ConsumerRecord<String, String>> both = enriched.await(keyed(leadId, "LeadEnriched"), 2, DEADLINE);
            JsonNode late = enrichment(both.get(1));
            assertThat(late.get("revision").asInt()).isEqualTo(2);
            assertThat(late.at("/company/country").asText()).isEqualTo("DE");
        }
    }

    @Test
    void aMalformedAnswerIsNotCachedAndTheLeadLeavesPartial() throws Exception {
        String domain = domain();
        firmo.stubFor(get(urlPathEqualTo(FIRMO)).withQueryParam("domain", equalTo(domain))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("<html>oops")));
        String leadId = UUID.randomUUID().toString();

        try (TopicProbe enriched = TopicProbe.on(bootstrap, "leads.enrichment.v1")) {
            capture(leadId, "ada@" + domain);
            JsonNode partial = enrichment(enriched.awaitOne(keyed(leadId, "LeadEnriched"), DEADLINE));
            assertThat(partial.get("partial").asBoolean()).isTrue();
            assertThat(partial.at("/company/name").asText()).isEqualTo("Typed Name");
        }
        // Not cached: the sweeper asks again later (HttpCompanyProviderTest shows one such call is not retried).
        assertThat(Sql.rows(db, "select 1 from provider_cache where domain = $1", domain)).isEmpty();
    }

    @Test
    void completeReferenceDataAnswersAtOnceAndTheRemoteProviderIsNeverCalled() throws Exception {
        String domain = domain();
        given().auth().oauth2(TestTokens.revops()).contentType("text/csv")
                .body("domain,name,industry,employees,revenue,country\n" + domain + ",Reference Co,Logiciel,11-50,5M€,FR\n")
                .when().post("/api/v1/enrichment/reference-companies").then().statusCode(200);
        String leadId = UUID.randomUUID().toString();

        try (TopicProbe enriched = TopicProbe.on(bootstrap, "leads.enrichment.v1")) {
            capture(leadId, "ada@eu." + domain);
            JsonNode e = enrichment(enriched.awaitOne(keyed(leadId, "LeadEnriched"), DEADLINE));
            assertThat(e.get("partial").asBoolean()).isFalse();
            // Reference data (0.9) outranks the form (0.8): its name and industry win.
            assertThat(e.at("/company/name").asText()).isEqualTo("Reference Co");
            assertThat(e.at("/company/industry").asText()).isEqualTo("software_internet");
            assertThat(e.at("/company/employeeBand").asText()).isEqualTo("11-50");
            assertThat(e.at("/provenance/company.name").asText()).isEqualTo("provider:reference");
        }
        assertThat(firmo.findAll(getRequestedFor(urlPathEqualTo(FIRMO)).withQueryParam("domain", equalTo("eu." + domain)))).isEmpty();
    }
}
