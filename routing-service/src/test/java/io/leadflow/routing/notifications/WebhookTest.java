package io.leadflow.routing.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.localstack.TestTokens;
import io.leadflow.messaging.testing.TopicProbe;
import io.leadflow.routing.RoutingFixtures;
import io.leadflow.routing.domain.RoutingService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.leadflow.messaging.testing.TopicProbe.header;
import static io.leadflow.messaging.testing.TopicProbe.keyed;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * Assignments posted to the webhooks of their SDR and pool, against a real local HTTP server (WireMock): signed,
 * Slack-compatible, retried with the same delivery id when the receiver fails, dead-lettered when it keeps failing.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "routing"))
class WebhookTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String WEBHOOKS = "/api/v1/routing/webhooks";
    private static WireMockServer receiver;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    RoutingService routing;
    @Inject
    Pool db;
    @Inject
    ObjectMapper mapper;

    @BeforeAll
    static void startReceiver() {
        receiver = new WireMockServer(options().dynamicPort());
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop();
    }

    private String newSdr() {
        String sdr = "sdr-hook-" + UUID.randomUUID().toString().substring(0, 6);
        RoutingFixtures.rows(db, "insert into sdr (id, name, email) values ($1, 'Hook Tester', $2)", sdr, sdr + "@leadflow.io");
        return sdr;
    }

    private JsonNode register(String field, String owner, String path) throws Exception {
        return mapper.readTree(given().auth().oauth2(TestTokens.revops()).contentType("application/json")
                .body("{\"" + field + "\":\"" + owner + "\",\"url\":\"" + receiver.baseUrl() + path + "\"}")
                .when().post(WEBHOOKS).then().statusCode(201).extract().asString());
    }

    private List<LoggedRequest> received(String path) {
        return receiver.findAll(postRequestedFor(urlEqualTo(path)));
    }

    @Test
    void anAssignmentIsPostedSignedToItsSdrsAndItsPoolsWebhooks() throws Exception {
        String sdr = newSdr();
        String pool = RoutingFixtures.soloPool(db, sdr);
        String sdrPath = "/hooks/" + sdr;
        String poolPath = "/hooks/pool-" + sdr;
        receiver.stubFor(post(urlEqualTo(sdrPath)).willReturn(aResponse().withStatus(200)));
        receiver.stubFor(post(urlEqualTo(poolPath)).willReturn(aResponse().withStatus(204)));
        JsonNode sdrHook = register("sdrId", sdr, sdrPath);
        JsonNode poolHook = register("poolId", pool, poolPath);
        assertThat(sdrHook.get("secret").asText()).startsWith("whsec_");
        given().auth().oauth2(TestTokens.revops()).when().get(WEBHOOKS).then().statusCode(200)
                .body("id", hasItem(sdrHook.get("id").asText())).body("secret", not(hasItem(startsWith("whsec_"))));

        UUID lead = RoutingFixtures.leadOf(routing, db, sdr);

        await().atMost(DEADLINE).until(() -> received(sdrPath).size() == 1 && received(poolPath).size() == 1);
        LoggedRequest delivery = received(sdrPath).get(0);
        String body = delivery.getBodyAsString();
        assertThat(WebhookSignature.verify(sdrHook.get("secret").asText(), delivery.getHeader(WebhookSignature.HEADER), body))
                .as("signed with the SDR webhook's secret").isTrue();
        assertThat(WebhookSignature.verify(poolHook.get("secret").asText(), delivery.getHeader(WebhookSignature.HEADER), body))
                .as("not with another webhook's").isFalse();
        assertThat(WebhookSignature.verify(poolHook.get("secret").asText(),
                received(poolPath).get(0).getHeader(WebhookSignature.HEADER), received(poolPath).get(0).getBodyAsString())).isTrue();
        JsonNode message = mapper.readTree(body);
        assertThat(message.get("text").asText()).contains("Ada Lovelace", "score 72");
        assertThat(message.at("/blocks/1/elements/0/url").asText()).contains("/accept.html#token=");
        assertThat(message.at("/leadflow/leadId").asText()).isEqualTo(lead.toString());
        assertThat(message.at("/leadflow/poolId").asText()).isEqualTo(pool);
        assertThat(delivery.getHeader(Webhooks.DELIVERY_HEADER)).isEqualTo(message.at("/leadflow/deliveryId").asText());
    }

    @Test
    void aReceiverThatFailsOnceGetsTheSameDeliveryAgainAndOneThatKeepsFailingIsDeadLettered() throws Exception {
        String flaky = newSdr();
        String flakyPath = "/hooks/" + flaky;
        receiver.stubFor(post(urlEqualTo(flakyPath)).inScenario(flaky).whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        receiver.stubFor(post(urlEqualTo(flakyPath)).inScenario(flaky).whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200)));
        register("sdrId", flaky, flakyPath);
        RoutingFixtures.leadOf(routing, db, flaky);
        await().atMost(DEADLINE).until(() -> received(flakyPath).size() == 2);
        // The retry is the same delivery: one id for both attempts, so the receiver can tell.
        List<String> ids = received(flakyPath).stream().map(r -> r.getHeader(Webhooks.DELIVERY_HEADER)).distinct().toList();
        assertThat(ids).hasSize(1);

        String down = newSdr();
        String downPath = "/hooks/" + down;
        receiver.stubFor(post(urlEqualTo(downPath)).willReturn(aResponse().withStatus(500)));
        register("sdrId", down, downPath);
        try (TopicProbe dlq = TopicProbe.on(bootstrap, "leads.routing.v1.routing-webhook.dlq")) {
            UUID lead = RoutingFixtures.leadOf(routing, db, down);
            assertThat(header(dlq.awaitOne(keyed(lead.toString()), Duration.ofSeconds(60)), "dead-letter-reason"))
                    .contains("HTTP 500");
        }
        assertThat(received(downPath).size()).isGreaterThan(1); // retried before giving up
    }

    @Test
    void aWebhookIsForOneSdrOrOnePoolAtAnHttpUrlAndOnlyRevOpsManagesThem() throws Exception {
        String sdr = newSdr();
        given().auth().oauth2(TestTokens.revops()).contentType("application/json").body("{\"url\":\"https://x.example.com/h\"}")
                .when().post(WEBHOOKS).then().statusCode(400).body("errors.field", hasItem("sdrId"));
        given().auth().oauth2(TestTokens.revops()).contentType("application/json")
                .body("{\"sdrId\":\"" + sdr + "\",\"poolId\":\"default\",\"url\":\"https://x.example.com/h\"}")
                .when().post(WEBHOOKS).then().statusCode(400).body("errors.field", hasItem("poolId"));
        given().auth().oauth2(TestTokens.revops()).contentType("application/json")
                .body("{\"sdrId\":\"nobody-" + UUID.randomUUID() + "\",\"url\":\"https://x.example.com/h\"}")
                .when().post(WEBHOOKS).then().statusCode(400).body("errors.field", hasItem("sdrId"));
        given().auth().oauth2(TestTokens.revops()).contentType("application/json")
                .body("{\"sdrId\":\"" + sdr + "\",\"url\":\"ftp://x.example.com/h\"}")
                .when().post(WEBHOOKS).then().statusCode(400).body("errors.field", hasItem("url"));
        given().auth().oauth2(TestTokens.sdr(sdr)).contentType("application/json")
                .body("{\"sdrId\":\"" + sdr + "\",\"url\":\"https://x.example.com/h\"}")
                .when().post(WEBHOOKS).then().statusCode(403);
        String id = register("sdrId", sdr, "/hooks/deleted-" + sdr).get("id").asText();
        given().auth().oauth2(TestTokens.admin()).when().delete(WEBHOOKS + "/" + id).then().statusCode(204);
        given().auth().oauth2(TestTokens.admin()).when().delete(WEBHOOKS + "/" + id).then().statusCode(404);
    }
}
