package io.leadflow.routing.notifications;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.contracts.EventContracts;
import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.localstack.TestTokens;
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
import jakarta.mail.Multipart;
import jakarta.mail.Part;
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
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A lead that changes hands is mailed to its new owner, through a real SMTP server (GreenMail), with why and an accept
 * link that works for them, while the previous owner's link from the assignment mail no longer accepts it; the
 * previous owner gets a short notice (not when they gave the lead back themselves). Once per event; a reassignment
 * that cannot be told is dead-lettered by both notifiers.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "routing"))
@QuarkusTestResource(value = GreenMailResource.class, restrictToAnnotatedClass = false)
class ReassignmentNotificationTest {

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
    @Inject
    ObjectMapper mapper;

    private String newSdr(String name) {
        String sdr = "sdr-move-mail-" + UUID.randomUUID().toString().substring(0, 6);
        RoutingFixtures.rows(db, "insert into sdr (id, name, email) values ($1, $2, $3)", sdr, name, sdr + "@leadflow.io");
        return sdr;
    }

    private static List<MimeMessage> mailTo(String sdr) {
        String address = sdr + "@leadflow.io";
        return Arrays.stream(GreenMailResource.smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The decoded text/plain part. */
    private static String text(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = text(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    private static String token(String text) {
        Matcher link = ACCEPT_LINK.matcher(text);
        assertThat(link.find()).as("an accept link in: " + text).isTrue();
        return link.group(1);
    }

    private static int acceptWith(String token) {
        return given().contentType("application/json").body("{\"token\":\"" + token + "\"}")
                .when().post("/api/v1/sdr/accept-link").then().extract().statusCode();
    }

    private double notified(String outcome) {
        var counter = meters.find("leadflow.events.consumed")
                .tags("consumer", "routing-notify", "type", "LeadReassigned", "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private boolean processed(String consumer, String eventId) {
        return RoutingFixtures.rows(db, "select count(*) from inbox where consumer = $1 and event_id = $2::uuid",
                consumer, eventId).get(0).getLong(0) == 1;
    }

    /** The contract's example for this lead and these SDRs, with a new event id. */
    private ObjectNode reassignedEvent(UUID lead, String from, String to, String reason) throws Exception {
        ObjectNode event = (ObjectNode) mapper.readTree(EventContracts.example("LeadReassigned"));
        event.put("eventId", UUID.randomUUID().toString()).put("leadId", lead.toString())
                .put("fromSdrId", from).put("sdrId", to).put("reason", reason);
        return event;
    }

    @Test
    void anSlaWarningMailsTheHolderOnceWithTheDeadlineAndAWorkingAcceptLink() throws Exception {
        String holder = newSdr("Ada Holder");
        UUID lead = RoutingFixtures.leadOf(routing, db, holder);
        await().atMost(DEADLINE).until(() -> mailTo(holder).size() == 1); // the assignment mail
        ObjectNode warning = (ObjectNode) mapper.readTree(EventContracts.example("SlaAtRisk"));
        String eventId = UUID.randomUUID().toString();
        warning.put("leadId", lead.toString()).put("eventId", eventId).put("sdrId", holder);
        TopicProbe.send(bootstrap, "leads.sla.v1", lead.toString(), eventId, "SlaAtRisk", warning.toString());
        // And one naming somebody who no longer holds the lead: nobody is mailed for it.
        String stale = UUID.randomUUID().toString();
        warning.put("eventId", stale).put("sdrId", "sdr-gone");
        TopicProbe.send(bootstrap, "leads.sla.v1", lead.toString(), stale, "SlaAtRisk", warning.toString());
        await().atMost(DEADLINE).until(() -> processed("routing-sla", stale));

        assertThat(mailTo(holder)).hasSize(2);
        MimeMessage mail = mailTo(holder).get(1);
        assertThat(mail.getSubject()).startsWith("SLA at risk, act by 09:20:02 UTC 22 Nov");
        String text = text(mail);
        assertThat(text).contains("the first touch is due by 09:20:02 UTC 22 Nov");
        assertThat(acceptWith(token(text))).isEqualTo(200);
    }

    @Test
    void aManualReassignMailsTheNewOwnerALinkThatWorksAndThePreviousOwnersLinkIsRefused() throws Exception {
        String from = newSdr("Sam Previous");
        String to = newSdr("Priya Next");
        UUID lead = RoutingFixtures.leadOf(routing, db, from);
        await().atMost(DEADLINE).until(() -> mailTo(from).size() == 1);
        String fromToken = token(text(mailTo(from).get(0)));

        given().auth().oauth2(TestTokens.revops()).contentType("application/json")
                .body("{\"sdrId\":\"" + to + "\",\"note\":\"covering today\"}")
                .when().post("/api/v1/routing/leads/" + lead + "/reassign").then().statusCode(200);

        // The new owner: why, the whole context, their own accept link.
        await().atMost(DEADLINE).until(() -> mailTo(to).size() == 1);
        MimeMessage mail = mailTo(to).get(0);
        assertThat(mail.getSubject()).startsWith("Lead reassigned to you by RevOps: Ada Lovelace (Acme Robotics) - score 72");
        String body = text(mail);
        assertThat(body).contains("Reassigned to you by RevOps (revops-user); Sam Previous had it.",
                "Note (revops-user): covering today", "VP Sales", "vp-or-above");
        String toToken = token(body);

        // The previous owner: a short notice, no accept link, nothing to contact the person with.
        await().atMost(DEADLINE).until(() -> mailTo(from).size() == 2);
        MimeMessage notice = mailTo(from).get(1);
        assertThat(notice.getSubject()).isEqualTo("Lead moved to Priya Next: Ada Lovelace (Acme Robotics)");
        String noticeText = text(notice);
        assertThat(noticeText).contains("was moved to Priya Next: reassigned by RevOps (revops-user).");
        assertThat(ACCEPT_LINK.matcher(noticeText).find()).isFalse();
        assertThat(noticeText).doesNotContain("VP Sales", "covering today");

        // The link of the assignment mail is signed and unexpired, but the lead is no longer that SDR's.
        assertThat(acceptWith(fromToken)).isEqualTo(404);
        assertThat(RoutingFixtures.rows(db, "select sdr_id, status from assignment where lead_id = $1", lead).get(0).getString(1))
                .isEqualTo("ASSIGNED");
        given().contentType("application/json").body("{\"token\":\"" + toToken + "\"}")
                .when().post("/api/v1/sdr/accept-link").then().statusCode(200)
                .body("leadId", equalTo(lead.toString())).body("status", equalTo("ACCEPTED"));
        assertThat(acceptWith(fromToken)).isEqualTo(404);
        var row = RoutingFixtures.rows(db, "select sdr_id, status from assignment where lead_id = $1", lead).get(0);
        assertThat(List.of(row.getString(0), row.getString(1))).containsExactly(to, "ACCEPTED");
        assertThat(RoutingFixtures.rows(db, "select count(*) from outbox where aggregateid = $1 and type = 'LeadAccepted'",
                lead.toString()).get(0).getLong(0)).isEqualTo(1);

        // The same LeadReassigned delivered again: nobody is mailed twice.
        var outbox = RoutingFixtures.rows(db, "select id::text, payload::text from outbox where aggregateid = $1 "
                + "and type = 'LeadReassigned'", lead.toString()).get(0);
        double duplicates = notified("duplicate");
        TopicProbe.send(bootstrap, "leads.routing.v1", lead.toString(), outbox.getString(0), "LeadReassigned",
                outbox.getString(1));
        await().atMost(DEADLINE).until(() -> notified("duplicate") > duplicates);
        assertThat(mailTo(to)).hasSize(1);
        assertThat(mailTo(from)).hasSize(2);
    }

    @Test
    void anSdrWhoGaveTheLeadBackIsNotToldAndTheNewOwnerIsToldItWasGivenBack() throws Exception {
        String from = newSdr("Sam Previous");
        String to = newSdr("Priya Next");
        UUID lead = UUID.randomUUID();
        ObjectNode event = reassignedEvent(lead, from, to, "declined");
        String eventId = event.get("eventId").asText();

        TopicProbe.send(bootstrap, "leads.routing.v1", lead.toString(), eventId, "LeadReassigned", event.toString());

        await().atMost(DEADLINE).until(() -> processed("routing-notify", eventId));
        assertThat(mailTo(to)).hasSize(1);
        assertThat(mailTo(to).get(0).getSubject()).startsWith("Lead given back by Sam Previous, now yours: Ada Lovelace");
        assertThat(text(mailTo(to).get(0))).contains("Given back by Sam Previous, the SDR who had it; it is yours now.");
        assertThat(mailTo(from)).isEmpty();
    }

    @Test
    void aReassignmentWithAReasonTheContractDoesNotKnowIsDeadLetteredByBothNotifiers() throws Exception {
        String from = newSdr("Sam Previous");
        String to = newSdr("Priya Next");
        UUID lead = UUID.randomUUID();
        ObjectNode event = reassignedEvent(lead, from, to, "vacation");
        String eventId = event.get("eventId").asText();
        String notifyDlq = "leads.routing.v1.routing-notify.dlq";
        String webhookDlq = "leads.routing.v1.routing-webhook.dlq";
        try (TopicProbe dlq = TopicProbe.on(bootstrap, notifyDlq, webhookDlq)) {
            TopicProbe.send(bootstrap, "leads.routing.v1", lead.toString(), eventId, "LeadReassigned", event.toString());
            for (String topic : List.of(notifyDlq, webhookDlq)) {
                ConsumerRecord<String, String> parked = dlq.awaitOne(
                        r -> r.topic().equals(topic) && lead.toString().equals(r.key()), DEADLINE);
                assertThat(header(parked, "dead-letter-reason")).contains("unknown reassignment reason vacation");
            }
        }
        assertThat(processed("routing-notify", eventId)).isFalse();
        assertThat(processed("routing-webhook", eventId)).isFalse();
        assertThat(mailTo(to)).isEmpty();
    }
}
