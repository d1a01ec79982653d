package io.leadflow.capture.messaging;

import io.leadflow.localstack.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A committed capture reaches leads.capture.v1 through Debezium, keyed and labelled as the contract says. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "capture"))
class LeadCapturedRelayTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void theOutboxRowArrivesOnTheCaptureTopicWithIdTypeAndKey() {
        String email = "relay-" + UUID.randomUUID() + "@acme-robotics.com";
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "capture-relay-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("leads.capture.v1"));

            String leadId = given().contentType("application/json").body("{\"email\":\"" + email + "\"}")
                    .when().post("/api/v1/leads").then().statusCode(202).extract().path("leadId");

            List<ConsumerRecord<String, String>> mine = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (leadId.equals(r.key())) {
                        mine.add(r);
                    }
                });
                return !mine.isEmpty();
            });

            ConsumerRecord<String, String> record = mine.get(0);
            assertThat(header(record, "eventType")).isEqualTo("LeadCaptured");
            assertThat(UUID.fromString(header(record, "id"))).isNotNull();
            assertThat(record.value()).startsWith("{").contains(email);
            assertThat(record.value()).contains(header(record, "id"));
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
