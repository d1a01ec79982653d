package io.leadflow.crm.handover;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.leadflow.contracts.EventContracts;
import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.messaging.testing.Sql;
import io.leadflow.messaging.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The AE who takes the deal hears the lead's whole story once, by e-mail (a real SMTP server) and by webhook (a real
 * HTTP server): source and campaign, score and its reasons, the SDR's touches and notes, the qualification answers.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "crm_sync"))
@QuarkusTestResource(value = HandOverReceivers.class, restrictToAnnotatedClass = false)
class AeHandOverTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    /** Mapped to AE ae-7 (ae7@leadflow.test) in the test profile. */
    private static final String SDR = "sdr-handover";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    Pool db;
    @Inject
    ObjectMapper mapper;

    private ObjectNode example(String type, UUID leadId) throws Exception {
        ObjectNode event = (ObjectNode) mapper.readTree(EventContracts.example(type));
        return event.put("leadId", leadId.toString()).put("eventId", UUID.randomUUID().toString()).put("sdrId", SDR);
    }

    private void send(ObjectNode event) {
        TopicProbe.send(bootstrap, "leads.routing.v1", event.get("leadId").asText(), event.get("eventId").asText(),
                event.get("eventType").asText(), event.toString());
    }

    private List<MimeMessage> mailsAbout(String company) {
        return Arrays.stream(HandOverReceivers.smtp.getReceivedMessages())
                .filter(m -> GreenMailUtil.getBody(m).contains(company)).toList();
    }

    @Test
    void theAeOfTheQualifyingSdrGetsTheLeadsWholeStoryByEmailAndWebhookOnce() throws Exception {
        UUID leadId = UUID.randomUUID();
        String company = "Hooli " + leadId.toString().substring(0, 8);
        String domain = "hooli-" + leadId.toString().substring(0, 8) + ".example";
        send(example("LeadAssigned", leadId));
        send(example("LeadTouched", leadId));
        ObjectNode qualified = example("LeadQualified", leadId);
        ((ObjectNode) qualified.get("lead")).put("email", "gavin@" + domain).put("company", company);
        ((ObjectNode) qualified.get("enrichment")).put("emailDomain", domain).put("companyDomain", domain);
        send(qualified);

        await().atMost(DEADLINE).until(() -> !Sql.rows(db,
                "select 1 from crm_sync where lead_id = $1 and ae_notified_at is not null", leadId).isEmpty());

        List<MimeMessage> mails = mailsAbout(company);
        assertThat(mails).hasSize(1);
        MimeMessage mail = mails.get(0);
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("ae7@leadflow.test");
        assertThat(mail.getSubject()).isEqualTo("New opportunity: " + company + " - new business");
        String body = GreenMailUtil.getBody(mail);
        assertThat(body).contains("Source: google", "campaign q4-demo", "Score: 72 (A) because business-email: +15",
                "senior-title: +20 (VP Sales)", "call, connected: Spoke to Ada", "Qualification (bant)",
                "budget: 50k EUR approved", "Routed by rule enterprise-na");

        List<LoggedRequest> posted = HandOverReceivers.webhook.findAll(postRequestedFor(urlEqualTo("/handovers")))
                .stream().filter(r -> r.getBodyAsString().contains(leadId.toString())).toList();
        assertThat(posted).hasSize(1);
        JsonNode handOver = mapper.readTree(posted.get(0).getBodyAsString());
        assertThat(handOver.get("type").asText()).isEqualTo("OpportunityHandOver");
        assertThat(handOver.at("/handOver/aeId").asText()).isEqualTo("ae-7");
        assertThat(handOver.at("/handOver/story/touches/0/outcome").asText()).isEqualTo("connected");
        assertThat(handOver.get("text").asText()).contains("Score: 72 (A)");

        // The AE owns the deal in the built-in CRM (the SDR -> AE mapping).
        assertThat(Sql.rows(db, "select owner_id from opportunity where lead_id = $1", leadId).get(0).getString("owner_id"))
                .isEqualTo("ae-7");
    }
}
