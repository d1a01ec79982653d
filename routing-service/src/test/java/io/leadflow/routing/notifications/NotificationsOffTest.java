package io.leadflow.routing.notifications;

import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.localstack.TestTokens;
import io.leadflow.messaging.testing.TopicProbe;
import io.leadflow.routing.NotificationsOffProfile;
import io.leadflow.routing.RoutingFixtures;
import io.leadflow.routing.domain.RoutingService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.leadflow.messaging.testing.TopicProbe.header;
import static io.leadflow.messaging.testing.TopicProbe.keyed;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

/**
 * With e-mail and webhooks off (the defaults), their consumers read past every assignment without an inbox
 * transaction (nothing is sent, so nothing needs remembering), and a webhook cannot be registered to wait in vain.
 */
@QuarkusTest
@TestProfile(NotificationsOffProfile.class)
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "routing"))
class NotificationsOffTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    RoutingService routing;
    @Inject
    Pool db;

    @Test
    void anAssignmentPassesTheNotifyAndWebhookConsumersWithoutAnInboxRow() throws Exception {
        String sdr = "sdr-off-" + UUID.randomUUID().toString().substring(0, 6);
        RoutingFixtures.rows(db, "insert into sdr (id, name, email) values ($1, 'Off Tester', $2)", sdr, sdr + "@leadflow.io");
        ConsumerRecord<String, String> assigned;
        try (TopicProbe routed = TopicProbe.on(bootstrap, "leads.routing.v1")) {
            UUID lead = RoutingFixtures.leadOf(routing, db, sdr);
            assigned = routed.awaitOne(keyed(lead.toString(), "LeadAssigned"), DEADLINE);
        }
        TopicPartition partition = new TopicPartition(assigned.topic(), assigned.partition());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            for (String group : new String[] {"routing-notify", "routing-webhook"}) {
                await().atMost(DEADLINE).until(() -> {
                    OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                            .get().get(partition);
                    return committed != null && committed.offset() > assigned.offset();
                });
            }
        }
        String eventId = header(assigned, "id");
        assertThat(RoutingFixtures.rows(db, "select consumer from inbox where event_id = cast($1 as uuid)", eventId)
                .stream().map(row -> row.getString("consumer")).toList())
                .as("the inbox consumer (SSE feed) may not write rows, the notification consumers must not")
                .doesNotContain("routing-notify", "routing-webhook");
    }

    @Test
    void aWebhookCannotBeRegisteredWhileWebhooksAreOff() {
        given().auth().oauth2(TestTokens.revops()).contentType("application/json")
                .body("{\"poolId\":\"default\",\"url\":\"https://hooks.example.com/leads\"}")
                .when().post("/api/v1/routing/webhooks")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("url"))
                .body("errors.reason", hasItem(containsString("webhooks are off")));
    }
}
