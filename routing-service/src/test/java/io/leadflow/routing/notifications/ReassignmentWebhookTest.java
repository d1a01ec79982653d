package io.leadflow.routing.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.localstack.TestTokens;
import io.leadflow.routing.RoutingFixtures;
import io.leadflow.routing.domain.RoutingService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
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
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A lead that changes hands is posted, against a real local HTTP server (WireMock), to the webhooks of its new owner
 * and of its pool - not the previous owner's - signed with each webhook's secret and marked LeadReassigned in a header
 * and in the signed body, with an Accept button that works for the new owner.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "routing"))
class ReassignmentWebhookTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static WireMockServer receiver;

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
        String sdr = "sdr-move-hook-" + UUID.randomUUID().toString().substring(0, 6);
        RoutingFixtures.rows(db, "insert into sdr (id, name, email) values ($1, 'Hook Mover', $2)", sdr, sdr + "@leadflow.io");
        return sdr;
    }

    /** A webhook answering 200 at {@code path}; returns its secret. */
    private String register(String field, String owner, String path) throws Exception {
        receiver.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));
        return mapper.readTree(given().auth().oauth2(TestTokens.revops()).contentType("application/json")
                .body("{\"" + field + "\":\"" + owner + "\",\"url\":\"" + receiver.baseUrl() + path + "\"}")
                .when().post("/api/v1/routing/webhooks").then().statusCode(201).extract().asString()).get("secret").asText();
    }

    private List<LoggedRequest> received(String path, String eventType) {
        return receiver.findAll(postRequestedFor(urlEqualTo(path))).stream()
                .filter(request -> eventType.equals(request.getHeader(Webhooks.EVENT_HEADER))).toList();
    }

    @Test
    void aReassignedLeadIsPostedSignedToTheNewOwnersAndThePoolsWebhooksAsLeadReassigned() throws Exception {
        String from = newSdr();
        String to = newSdr();
        String pool = RoutingFixtures.soloPool(db, from);
        String fromPath = "/hooks/" + from;
        String toPath = "/hooks/" + to;
        String poolPath = "/hooks/pool-" + from;
        // Registered in this order, so the previous owner's webhook would be posted first, were it selected.
        String fromSecret = register("sdrId", from, fromPath);
        String toSecret = register("sdrId", to, toPath);
        String poolSecret = register("poolId", pool, poolPath);
        UUID lead = RoutingFixtures.leadOf(routing, db, from);
        await().atMost(DEADLINE).until(() -> received(poolPath, "LeadAssigned").size() == 1);

        given().auth().oauth2(TestTokens.revops()).contentType("application/json")
                .body("{\"sdrId\":\"" + to + "\",\"note\":\"covering today\"}")
                .when().post("/api/v1/routing/leads/" + lead + "/reassign").then().statusCode(200);

        await().atMost(DEADLINE).until(() -> received(poolPath, "LeadReassigned").size() == 1);
        assertThat(received(toPath, "LeadReassigned")).hasSize(1);
        assertThat(received(fromPath, "LeadReassigned")).isEmpty();
        assertThat(received(fromPath, "LeadAssigned")).hasSize(1);

        LoggedRequest delivery = received(toPath, "LeadReassigned").get(0);
        String body = delivery.getBodyAsString();
        assertThat(WebhookSignature.verify(toSecret, delivery.getHeader(WebhookSignature.HEADER), body))
                .as("signed with the new owner's webhook secret").isTrue();
        assertThat(WebhookSignature.verify(fromSecret, delivery.getHeader(WebhookSignature.HEADER), body)).isFalse();
        JsonNode message = mapper.readTree(body);
        assertThat(message.get("text").asText()).startsWith("Lead reassigned to " + to + ": Ada Lovelace (Acme Robotics)")
                .endsWith("Reassigned from " + from + " by RevOps (revops-user): covering today");
        JsonNode data = message.get("leadflow");
        assertThat(List.of(data.get("eventType").asText(), data.get("leadId").asText(), data.get("fromSdrId").asText(),
                data.get("sdrId").asText(), data.get("poolId").asText(), data.get("reason").asText(),
                data.get("reassignedBy").asText()))
                .containsExactly("LeadReassigned", lead.toString(), from, to, pool, "manual", "revops-user");
        assertThat(delivery.getHeader(Webhooks.DELIVERY_HEADER)).isEqualTo(data.get("deliveryId").asText());

        LoggedRequest poolDelivery = received(poolPath, "LeadReassigned").get(0);
        assertThat(WebhookSignature.verify(poolSecret, poolDelivery.getHeader(WebhookSignature.HEADER),
                poolDelivery.getBodyAsString())).isTrue();
        assertThat(poolDelivery.getHeader(Webhooks.DELIVERY_HEADER))
                .isNotEqualTo(received(poolPath, "LeadAssigned").get(0).getHeader(Webhooks.DELIVERY_HEADER))
                .isNotEqualTo(delivery.getHeader(Webhooks.DELIVERY_HEADER));

        // The Accept button is the new owner's.
        String token = message.at("/blocks/1/elements/0/url").asText().replaceFirst("^.*#token=", "");
        given().contentType("application/json").body("{\"token\":\"" + token + "\"}")
                .when().post("/api/v1/sdr/accept-link").then().statusCode(200)
                .body("leadId", equalTo(lead.toString())).body("status", equalTo("ACCEPTED"));
    }
}
