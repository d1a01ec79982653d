package io.leadflow.routing.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.localstack.TestTokens;
import io.leadflow.routing.RoutingFixtures;
import io.leadflow.routing.domain.RoutingService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static io.leadflow.routing.RoutingFixtures.DEADLINE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An SDR with the inbox open sees a lead the moment it is assigned: outbox -> Debezium -> Kafka -> SSE. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "routing"))
class SdrStreamResourceTest {

    @TestHTTPResource("/api/v1/sdr/stream")
    URI stream;
    @Inject
    RoutingService routing;
    @Inject
    Pool db;
    @Inject
    ObjectMapper mapper;

    @Test
    void anSdrConnectedToTheStreamReceivesTheirAssignmentWithItsContextAndOnlyTheirs() throws Exception {
        // The feed starts at the latest offset: wait until it holds its partitions.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().when().get("/q/health/ready").then().statusCode(200));

        try (SseLines sam = SseLines.open(stream, TestTokens.sdr("sdr-1"));
             SseLines tomas = SseLines.open(stream, TestTokens.sdr("sdr-3"))) {
            assertThat(tomas.status()).isEqualTo(200);
            assertThat(tomas.contentType()).startsWith("text/event-stream");
            tomas.await(line -> line.startsWith(":"), DEADLINE);
            sam.await(line -> line.startsWith(":"), DEADLINE);

            UUID lead = RoutingFixtures.leadOf(routing, db, "sdr-3");

            String data = tomas.await(line -> line.startsWith("data:") && line.contains(lead.toString()), DEADLINE);
            JsonNode card = mapper.readTree(data.substring("data:".length()).trim());
            assertThat(card.get("leadId").asText()).isEqualTo(lead.toString());
            assertThat(card.get("assignmentId").asText()).isNotBlank();
            assertThat(card.get("status").asText()).isEqualTo("ASSIGNED");
            assertThat(card.at("/lead/name").asText()).isEqualTo("Ada Lovelace");
            assertThat(card.at("/lead/jobTitle").asText()).isEqualTo("VP Sales");
            assertThat(card.at("/lead/campaign").asText()).isEqualTo("q4-demo");
            assertThat(card.at("/score/grade").asText()).isEqualTo("A4");
            assertThat(card.at("/score/reasons/0/rule").asText()).isEqualTo("vp-or-above");
            assertThat(tomas.seen()).anyMatch(line -> line.replace(" ", "").equals("event:assignment"));
            assertThat(sam.seen()).noneMatch(line -> line.contains(lead.toString()));
        }
    }

    @Test
    void whenThePersonSubmitsAgainTheOwnerIsToldLiveAndTheAssignmentRecordsIt() throws Exception {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().when().get("/q/health/ready").then().statusCode(200));
        // Routed without a phone: the person's next submission gives one.
        UUID lead = UUID.randomUUID();
        com.fasterxml.jackson.databind.node.ObjectNode scored = RoutingFixtures.leadScored(lead.toString(),
                UUID.randomUUID().toString(), 72);
        ((com.fasterxml.jackson.databind.node.ObjectNode) scored.get("lead")).remove("phone");
        assertThat(RoutingFixtures.route(routing, lead, mapper.treeToValue(scored, io.leadflow.routing.messaging.in.LeadScoredIn.class),
                RoutingFixtures.soloPool(db, "sdr-2"))).isEqualTo(RoutingService.Outcome.ASSIGNED);
        com.fasterxml.jackson.databind.node.ObjectNode resubmitted = (com.fasterxml.jackson.databind.node.ObjectNode)
                mapper.readTree(io.leadflow.contracts.EventContracts.example("LeadResubmitted"));
        String eventId = UUID.randomUUID().toString();
        resubmitted.put("leadId", lead.toString()).put("eventId", eventId);
        ((com.fasterxml.jackson.databind.node.ObjectNode) resubmitted.get("lead")).put("phone", "+447700900123");
        resubmitted.putArray("filledFields").add("phone");

        try (SseLines owner = SseLines.open(stream, TestTokens.sdr("sdr-2"))) {
            owner.await(line -> line.startsWith(":"), DEADLINE);

            io.leadflow.messaging.testing.TopicProbe.send(bootstrap, "leads.capture.v1", lead.toString(), eventId,
                    "LeadResubmitted", resubmitted.toString());

            owner.await(line -> line.replace(" ", "").equals("event:resubmission"), DEADLINE);
            String data = owner.await(line -> line.startsWith("data:") && line.contains(lead.toString()), DEADLINE);
            JsonNode card = mapper.readTree(data.substring("data:".length()).trim());
            assertThat(card.get("resubmissions").asInt()).isEqualTo(1);
            assertThat(card.at("/lastResubmission/formId").asText()).isEqualTo("pricing");
            assertThat(card.at("/lastResubmission/message").asText()).isEqualTo("Can we see pricing for 40 seats?");
            assertThat(card.at("/lead/phone").asText()).isEqualTo("+447700900123");
        }
        // Recorded durably too (routing's own consumer of the capture topic), so the leads list shows it.
        await().atMost(DEADLINE).untilAsserted(() -> {
            JsonNode listed = mapper.readTree(given().auth().oauth2(TestTokens.sdr("sdr-2"))
                    .when().get("/api/v1/sdr/leads/" + lead).then().statusCode(200).extract().asString());
            assertThat(listed.get("resubmissions").asInt()).isEqualTo(1);
            assertThat(listed.at("/lastResubmission/source").asText()).isEqualTo("linkedin");
            assertThat(listed.at("/lead/phone").asText()).isEqualTo("+447700900123");
        });
    }

    @Test
    void whenThePersonOptsOutTheOwnerIsToldAtOnceAndTheLeadSaysDoNotContact() throws Exception {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().when().get("/q/health/ready").then().statusCode(200));
        UUID lead = RoutingFixtures.leadOf(routing, db, "sdr-3");
        com.fasterxml.jackson.databind.node.ObjectNode optedOut = (com.fasterxml.jackson.databind.node.ObjectNode)
                mapper.readTree(io.leadflow.contracts.EventContracts.example("LeadOptedOut"));
        String eventId = UUID.randomUUID().toString();
        optedOut.put("leadId", lead.toString()).put("eventId", eventId);

        try (SseLines owner = SseLines.open(stream, TestTokens.sdr("sdr-3"))) {
            owner.await(line -> line.startsWith(":"), DEADLINE);
            io.leadflow.messaging.testing.TopicProbe.send(bootstrap, "leads.capture.v1", lead.toString(), eventId,
                    "LeadOptedOut", optedOut.toString());
            owner.await(line -> line.replace(" ", "").equals("event:do-not-contact"), DEADLINE);
            String data = owner.await(line -> line.startsWith("data:") && line.contains(lead.toString()), DEADLINE);
            assertThat(mapper.readTree(data.substring("data:".length()).trim()).at("/lead/doNotContact").asBoolean()).isTrue();
        }
        await().atMost(DEADLINE).untilAsserted(() -> given().auth().oauth2(TestTokens.sdr("sdr-3"))
                .when().get("/api/v1/sdr/leads/" + lead).then().statusCode(200)
                .body("lead.doNotContact", org.hamcrest.Matchers.is(true)));
    }

    @Test
    void anSlaWarningReachesTheHolderLiveWithItsDeadline() throws Exception {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().when().get("/q/health/ready").then().statusCode(200));
        UUID lead = RoutingFixtures.leadOf(routing, db, "sdr-2");
        com.fasterxml.jackson.databind.node.ObjectNode warning = (com.fasterxml.jackson.databind.node.ObjectNode)
                mapper.readTree(io.leadflow.contracts.EventContracts.example("SlaAtRisk"));
        String eventId = UUID.randomUUID().toString();
        warning.put("leadId", lead.toString()).put("eventId", eventId).put("sdrId", "sdr-2");

        try (SseLines owner = SseLines.open(stream, TestTokens.sdr("sdr-2"))) {
            owner.await(line -> line.startsWith(":"), DEADLINE);
            io.leadflow.messaging.testing.TopicProbe.send(bootstrap, "leads.sla.v1", lead.toString(), eventId,
                    "SlaAtRisk", warning.toString());
            owner.await(line -> line.replace(" ", "").equals("event:at-risk"), DEADLINE);
            String data = owner.await(line -> line.startsWith("data:") && line.contains(lead.toString()), DEADLINE);
            var json = mapper.readTree(data.substring("data:".length()).trim());
            assertThat(json.get("dueAt").asText()).isEqualTo("2026-11-22T09:20:02.113Z");
            assertThat(json.at("/card/leadId").asText()).isEqualTo(lead.toString());
        }
    }

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    /** A streaming HTTP request read line by line on a thread of its own; reads wait with a deadline. */
    static final class SseLines implements AutoCloseable {

        private final HttpResponse<Stream<String>> response;
        private final BlockingQueue<String> unread = new LinkedBlockingQueue<>();
        private final List<String> seen = new CopyOnWriteArrayList<>();

        private SseLines(HttpResponse<Stream<String>> response) {
            this.response = response;
            Thread reader = new Thread(() -> {
                try {
                    response.body().forEach(unread::add);
                } catch (RuntimeException closed) {
                    // the test closed the stream
                }
            }, "sse-reader");
            reader.setDaemon(true);
            reader.start();
        }

        static SseLines open(URI uri, String token) throws Exception {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "text/event-stream")
                    .GET().build();
            return new SseLines(client.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                    .get(DEADLINE.toSeconds(), TimeUnit.SECONDS));
        }

        int status() {
            return response.statusCode();
        }

        String contentType() {
            return response.headers().firstValue("Content-Type").orElse("");
        }

        /** The first line from now on that matches; fails when none arrives within the deadline. */
        String await(Predicate<String> match, Duration deadline) throws InterruptedException {
            Instant end = Instant.now().plus(deadline);
            while (Instant.now().isBefore(end)) {
                String line = unread.poll(Duration.between(Instant.now(), end).toMillis(), TimeUnit.MILLISECONDS);
                if (line == null) {
                    break;
                }
                seen.add(line);
                if (match.test(line)) {
                    return line;
                }
            }
            throw new AssertionError("no matching line within " + deadline + "; read: " + seen);
        }

        /** Every line read so far, including the ones still queued. */
        List<String> seen() {
            unread.drainTo(seen);
            return seen;
        }

        @Override
        public void close() {
            response.body().close();
        }
    }
}
