package io.leadflow.capture.api;

import io.leadflow.messaging.testing.Sql;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.capture.domain.WebhookSignature;
import io.leadflow.contracts.EventContracts;
import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.localstack.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

/** Signed deliveries: captured with the source's mapping, refused when unsigned, deduplicated by event id, limited per source. */
@QuarkusTest
@TestProfile(WebhookTestProfile.class)
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "capture"))
class WebhookResourceTest {

    @Inject
    Pool db;

    @Inject
    ObjectMapper mapper;

    // Non-ASCII on purpose: the signature is over the exact bytes.
    private static final String DELIVERY = """
            {"id":"%s","contact":{"email":"%s","first_name":"Zoë"},"tracking":{"source":"linkedin"}}""";

    private record Source(String id, String secret) {
    }

    private static Source createSource(String definition) {
        String id = "src-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = given().header("Authorization", "Bearer " + TestTokens.admin())
                .contentType("application/json").body(definition)
                .when().put("/api/v1/admin/webhook-sources/" + id)
                .then().statusCode(201).extract().path("secret");
        return new Source(id, secret);
    }

    private static Source facebook() {
        return createSource(WebhookSourceResourceTest.DEFINITION);
    }

    private static String email() {
        return "zoe-" + UUID.randomUUID().toString().substring(0, 8) + "@acme-robotics.com";
    }

    private static byte[] delivery(String eventId, String email) {
        return DELIVERY.formatted(eventId, email).getBytes(StandardCharsets.UTF_8);
    }

    private static RequestSpecification signed(String secret, long timestamp, byte[] body) {
        return given().contentType("application/json").body(body)
                .header(WebhookSignature.HEADER, WebhookSignature.header(secret, timestamp, body));
    }

    private static Response deliver(Source source, String secret, byte[] body) {
        return signed(secret, Instant.now().getEpochSecond(), body).when().post("/api/v1/webhooks/" + source.id());
    }

    private List<Row> rows(String sql, Object... params) {
        return Sql.rows(db, sql, params);
    }

    private List<Row> outboxOf(String leadId) {
        return rows("select type, payload::text as payload from outbox where aggregateid = $1", leadId);
    }

    private List<Row> outboxWithEmail(String email) {
        return rows("select 1 from outbox where payload->>'email' = $1", email);
    }

    @Test
    void aSignedDeliveryIsCapturedWithItsMappedFieldsDefaultsAndChannelWebhook() throws Exception {
        Source source = facebook();
        String email = email();

        String leadId = deliver(source, source.secret(), delivery("evt-" + UUID.randomUUID(), email))
                .then().statusCode(202).body("status", is("captured")).extract().path("leadId");

        List<Row> events = outboxOf(leadId);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).getString("type")).isEqualTo("LeadCaptured");
        String payload = events.get(0).getString("payload");
        assertThat(EventContracts.violations("LeadCaptured", payload)).isEmpty();
        JsonNode event = mapper.readTree(payload);
        assertThat(event.get("channel").asText()).isEqualTo("webhook");
        assertThat(event.get("email").asText()).isEqualTo(email);
        assertThat(event.get("firstName").asText()).isEqualTo("Zoë");
        assertThat(event.at("/utm/source").asText()).isEqualTo("linkedin");
        assertThat(event.at("/utm/medium").asText()).isEqualTo("paid-social");
        assertThat(event.get("formId").asText()).isEqualTo("fb-lead-ad");

        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("leadflow_capture_webhook_deliveries_total{outcome=\"captured\",source=\"" + source.id() + "\"}"));
    }

    @Test
    void theStateAndCompanyDetailsAreReadAtTheirPointersOrFromTheSourcesDefaults() throws Exception {
        Source source = createSource("""
                {"name":"Partner with firmographics","mapping":{"email":"/contact/email","state":"/contact/address/region",
                 "website":"/company/domain","industry":"/company/industry","employees":"/company/size"},
                 "defaults":{"revenue":"unknown"}}""");
        String email = email();
        byte[] body = """
                {"contact":{"email":"%s","address":{"region":"Bavaria"}},
                 "company":{"domain":"acme-robotics.de","industry":"Maschinenbau","size":250}}"""
                .formatted(email).getBytes(StandardCharsets.UTF_8);

        String leadId = deliver(source, source.secret(), body).then().statusCode(202).extract().path("leadId");

        Row lead = rows("select state, website, industry, employees, revenue from lead where id = $1", UUID.fromString(leadId)).get(0);
        assertThat(List.of("state", "website", "industry", "employees", "revenue")).extracting(lead::getString)
                .containsExactly("Bavaria", "acme-robotics.de", "Maschinenbau", "250", "unknown");
        String payload = outboxOf(leadId).get(0).getString("payload");
        assertThat(EventContracts.violations("LeadCaptured", payload)).isEmpty();
        JsonNode event = mapper.readTree(payload);
        assertThat(event.get("channel").asText()).isEqualTo("webhook");
        assertThat(List.of("state", "website", "industry", "employees", "revenue")).extracting(f -> event.get(f).asText())
                .containsExactly("Bavaria", "acme-robotics.de", "Maschinenbau", "250", "unknown");

        byte[] spaced = """
                {"contact":{"email":"%s"},"company":{"domain":"acme-robotics.de acme.fr"}}""".formatted(email())
                .getBytes(StandardCharsets.UTF_8);
        deliver(source, source.secret(), spaced).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("website"))
                .body("errors[0].reason", containsString("without spaces"))
                .body("errors[0].reason", endsWith("(mapped from /company/domain)"));
    }

    @Test
    void anUnsignedOrBadlySignedDeliveryGets401AndWritesNothing() {
        Source source = facebook();
        String email = email();
        byte[] body = delivery("evt-" + UUID.randomUUID(), email);
        long now = Instant.now().getEpochSecond();
        String path = "/api/v1/webhooks/" + source.id();

        given().contentType("application/json").body(body).when().post(path)
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", endsWith("/signature-invalid")).body("detail", containsString("missing"));
        given().contentType("application/json").body(body).header(WebhookSignature.HEADER, "v1=abc").when().post(path)
                .then().statusCode(401).body("type", endsWith("/signature-invalid")).body("detail", containsString("malformed"));
        signed(source.secret(), now - 301, body).when().post(path)
                .then().statusCode(401).body("detail", containsString("expired or from the future (tolerance 5 min)"));
        signed(source.secret(), now + 600, body).when().post(path)
                .then().statusCode(401).body("detail", containsString("expired or from the future"));
        signed("whsec_not-the-secret", now, body).when().post(path)
                .then().statusCode(401).body("detail", containsString("does not match"));
        byte[] tampered = delivery("evt-x", email);
        given().contentType("application/json").body(tampered)
                .header(WebhookSignature.HEADER, WebhookSignature.header(source.secret(), now, body)).when().post(path)
                .then().statusCode(401).body("detail", containsString("does not match"));

        assertThat(outboxWithEmail(email)).isEmpty();
    }

    @Test
    void aRetriedDeliveryWithTheSameEventIdAnswersWithTheFirstLeadAndWritesNoSecondEvent() {
        Source source = facebook();
        byte[] body = delivery("evt-" + UUID.randomUUID(), email());

        String first = deliver(source, source.secret(), body).then().statusCode(202).extract().path("leadId");
        // The partner retries later: same body, new timestamp, new signature.
        String second = signed(source.secret(), Instant.now().getEpochSecond() - 60, body)
                .when().post("/api/v1/webhooks/" + source.id())
                .then().statusCode(202).header("Idempotent-Replayed", "true").extract().path("leadId");

        assertThat(second).isEqualTo(first);
        assertThat(outboxOf(first)).hasSize(1);
    }

    @Test
    void withoutAnEventIdTheIdempotencyKeyHeaderDeduplicates() {
        Source source = createSource("{\"name\":\"Partner\",\"mapping\":{\"email\":\"/email\"}}");
        byte[] body = ("{\"email\":\"" + email() + "\"}").getBytes(StandardCharsets.UTF_8);
        String key = UUID.randomUUID().toString();

        String first = signed(source.secret(), Instant.now().getEpochSecond(), body).header("Idempotency-Key", key)
                .when().post("/api/v1/webhooks/" + source.id()).then().statusCode(202).extract().path("leadId");
        String second = signed(source.secret(), Instant.now().getEpochSecond(), body).header("Idempotency-Key", key)
                .when().post("/api/v1/webhooks/" + source.id()).then().statusCode(202).extract().path("leadId");

        assertThat(second).isEqualTo(first);
        assertThat(outboxOf(first)).hasSize(1);
    }

    @Test
    void aDeliveryWithoutTheMappedEmailGets400NamingEmailAndItsPointer() {
        Source source = facebook();
        byte[] body = "{\"id\":\"evt-1\",\"contact\":{\"first_name\":\"Zoë\"}}".getBytes(StandardCharsets.UTF_8);

        deliver(source, source.secret(), body)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("email"))
                .body("errors[0].reason", is("is required (mapped from /contact/email)"));

        byte[] notAnObject = "[{\"email\":\"a@b.co\"}]".getBytes(StandardCharsets.UTF_8);
        deliver(source, source.secret(), notAnObject)
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("body"));
        byte[] wrongType = "{\"contact\":{\"email\":{\"work\":\"a@b.co\"}}}".getBytes(StandardCharsets.UTF_8);
        deliver(source, source.secret(), wrongType)
                .then().statusCode(400).body("errors[0].field", is("email"))
                .body("errors[0].reason", containsString("found an object at /contact/email"));
    }

    @Test
    void thePreviousSecretStaysValidDuringTheGracePeriodAfterARotation() {
        Source source = facebook();
        String rotated = given().header("Authorization", "Bearer " + TestTokens.admin())
                .when().post("/api/v1/admin/webhook-sources/" + source.id() + "/secret")
                .then().statusCode(200).extract().path("secret");

        deliver(source, source.secret(), delivery("evt-" + UUID.randomUUID(), email())).then().statusCode(202);
        deliver(source, rotated, delivery("evt-" + UUID.randomUUID(), email())).then().statusCode(202);
        deliver(source, "whsec_never-issued", delivery("evt-" + UUID.randomUUID(), email())).then().statusCode(401);
    }

    @Test
    void anUnknownOrDisabledSourceIs404() {
        byte[] body = delivery("evt-1", email());
        signed("whsec_x", Instant.now().getEpochSecond(), body).when().post("/api/v1/webhooks/no-such-source")
                .then().statusCode(404).contentType("application/problem+json");

        Source source = createSource(WebhookSourceResourceTest.DEFINITION.replace("\"name\"", "\"enabled\":false,\"name\""));
        deliver(source, source.secret(), body).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anOversizedOrNonJsonBodyIsRefused() {
        Source source = facebook();
        byte[] huge = ("{\"contact\":{\"email\":\"a@b.co\"},\"pad\":\"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        deliver(source, source.secret(), huge).then().statusCode(413);

        byte[] text = "email=a@b.co".getBytes(StandardCharsets.UTF_8);
        given().contentType("text/plain").body(text)
                .header(WebhookSignature.HEADER, WebhookSignature.header(source.secret(), Instant.now().getEpochSecond(), text))
                .when().post("/api/v1/webhooks/" + source.id())
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void aSourceOverItsBudgetGets429WithRetryAfterWhileAnotherSourceGoesOn() {
        Source busy = facebook();
        // Authentic but invalid deliveries: counted against the budget, and nothing is stored.
        byte[] empty = "{}".getBytes(StandardCharsets.UTF_8);
        List<Integer> statuses = new java.util.ArrayList<>();
        Response limited = null;
        for (int i = 0; i < WebhookTestProfile.SOURCE_BURST + 2; i++) {
            Response answer = deliver(busy, busy.secret(), empty);
            statuses.add(answer.statusCode());
            if (answer.statusCode() == 429) {
                limited = answer;
            }
        }
        assertThat(statuses).as("answers %s", statuses).contains(429).containsOnly(400, 429);
        assertThat(limited.header("Retry-After")).isNotBlank();
        assertThat(limited.contentType()).contains("application/problem+json");

        // Forged deliveries do not spend a source's budget.
        Source quiet = facebook();
        for (int i = 0; i < WebhookTestProfile.SOURCE_BURST + 2; i++) {
            deliver(quiet, "whsec_forged", empty).then().statusCode(401);
        }
        deliver(quiet, quiet.secret(), empty).then().statusCode(400);
    }
}
