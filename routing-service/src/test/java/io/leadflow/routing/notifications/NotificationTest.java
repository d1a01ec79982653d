package io.leadflow.routing.notifications;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.messaging.testing.TopicProbe;
import io.leadflow.routing.RoutingFixtures;
import io.leadflow.routing.domain.RoutingService;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.leadflow.messaging.testing.TopicProbe.header;
import static io.leadflow.messaging.testing.TopicProbe.keyed;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * An assignment reaches its SDR by e-mail through a real SMTP server (GreenMail), once, with the lead's context and
 * a one-click accept link that works without logging in; an SMTP server that is down gets the notification retried,
 * then dead-lettered with the reason.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "routing"))
@QuarkusTestResource(value = GreenMailResource.class, restrictToAnnotatedClass = false)
class NotificationTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final Pattern ACCEPT_LINK = Pattern.compile("/accept\\.html#token=(\\S+)");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    RoutingService routing;
    @Inject
    Pool db;
    @Inject
    MeterRegistry meters;

    private String newSdr() {
        String sdr = "sdr-mail-" + UUID.randomUUID().toString().substring(0, 6);
        RoutingFixtures.rows(db, "insert into sdr (id, name, email) values ($1, 'Mail Tester', $2)", sdr, sdr + "@leadflow.io");
        return sdr;
    }

    private static List<MimeMessage> mailTo(String address) {
        return Arrays.stream(GreenMailResource.smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private double notified(String outcome) {
        var counter = meters.find("leadflow.events.consumed")
                .tags("consumer", "routing-notify", "type", "LeadAssigned", "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void anAssignedLeadIsMailedOnceWithAnAcceptLinkThatWorks() throws Exception {
        String sdr = newSdr();
        UUID lead = RoutingFixtures.leadOf(routing, db, sdr);

        await().atMost(DEADLINE).until(() -> mailTo(sdr + "@leadflow.io").size() == 1);
        MimeMessage mail = mailTo(sdr + "@leadflow.io").get(0);
        assertThat(mail.getSubject()).startsWith("New lead: Ada Lovelace (Acme Robotics) - score 72");
        String body = GreenMailUtil.getBody(mail);
        assertThat(body).contains("VP Sales", "vp-or-above");
        Matcher link = ACCEPT_LINK.matcher(body);
        assertThat(link.find()).as("an accept link in: " + body).isTrue();
        String token = link.group(1).replaceAll("[\"<].*$", "");

        // The link's page posts the token: no login, and accepting twice is still one LeadAccepted.
        for (int i = 0; i < 2; i++) {
            given().contentType("application/json").body("{\"token\":\"" + token + "\"}")
                    .when().post("/api/v1/sdr/accept-link").then().statusCode(200)
                    .body("leadId", equalTo(lead.toString())).body("status", equalTo("ACCEPTED"));
        }
        assertThat(RoutingFixtures.rows(db, "select count(*) from outbox where aggregateid = $1 and type = 'LeadAccepted'",
                lead.toString()).get(0).getLong(0)).isEqualTo(1);
        given().contentType("application/json").body("{\"token\":\"" + token.substring(1) + "\"}")
                .when().post("/api/v1/sdr/accept-link").then().statusCode(400).body("errors.field", hasItem("token"));
        given().contentType("application/json").body("{}")
                .when().post("/api/v1/sdr/accept-link").then().statusCode(400).body("errors.field", hasItem("token"));

        // The same LeadAssigned delivered again (a redelivery after a rebalance): no second e-mail.
        String payload = RoutingFixtures.rows(db, "select id::text, payload::text from outbox where aggregateid = $1 "
                + "and type = 'LeadAssigned'", lead.toString()).stream()
                .map(row -> row.getString(0) + "\n" + row.getString(1)).findFirst().orElseThrow();
        double duplicates = notified("duplicate");
        TopicProbe.send(bootstrap, "leads.routing.v1", lead.toString(), payload.substring(0, payload.indexOf('\n')),
                "LeadAssigned", payload.substring(payload.indexOf('\n') + 1));
        await().atMost(DEADLINE).until(() -> notified("duplicate") > duplicates);
        assertThat(mailTo(sdr + "@leadflow.io")).hasSize(1);
    }

    @Test
    void aNotificationTheSmtpServerCannotTakeIsRetriedThenDeadLettered() throws Exception {
        String sdr = newSdr();
        int port = GreenMailResource.smtp.getSmtp().getPort();
        GreenMailResource.smtp.stop();
        try (TopicProbe dlq = TopicProbe.on(bootstrap, "leads.routing.v1.routing-notify.dlq")) {
            UUID lead = RoutingFixtures.leadOf(routing, db, sdr);
            ConsumerRecord<String, String> parked = dlq.awaitOne(keyed(lead.toString()), Duration.ofSeconds(60));
            assertThat(header(parked, "dead-letter-reason")).isNotBlank();
        } finally {
            GreenMailResource.smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            GreenMailResource.smtp.start();
        }
        assertThat(mailTo(sdr + "@leadflow.io")).isEmpty();
    }
}
