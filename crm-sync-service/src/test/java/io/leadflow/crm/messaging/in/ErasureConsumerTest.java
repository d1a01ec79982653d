package io.leadflow.crm.messaging.in;

import io.leadflow.messaging.testing.ContractEvents;
import io.leadflow.messaging.testing.Sql;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.contracts.EventContracts;
import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.messaging.testing.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * LeadErased: the opportunity stays for the pipeline, the person leaves the contact, the qualification answers (its
 * framework stays), the BANT answers and the notes.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "crm_sync"))
class ErasureConsumerTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    Pool db;
    @Inject
    ObjectMapper mapper;
    @Inject
    MeterRegistry meters;

    private List<Row> rows(String sql, Object... params) {
        return Sql.rows(db, sql, params);
    }

    /** A LeadQualified like the contract's example; without a company and with a webmail address when {@code personal}. */
    private void qualify(String leadId, String email, boolean personal) throws Exception {
        ObjectNode event = (ObjectNode) mapper.readTree(EventContracts.example("LeadQualified"));
        String eventId = UUID.randomUUID().toString();
        event.put("leadId", leadId).put("eventId", eventId).put("notes", "Ada prefers calls after 5pm");
        ObjectNode lead = (ObjectNode) event.get("lead");
        lead.put("email", email);
        ObjectNode enrichment = (ObjectNode) event.get("enrichment");
        enrichment.put("emailDomain", email.substring(email.indexOf('@') + 1));
        if (personal) {
            lead.putNull("company");
            enrichment.put("emailClass", "personal").putNull("companyDomain");
        } else {
            enrichment.put("companyDomain", email.substring(email.indexOf('@') + 1));
        }
        TopicProbe.send(bootstrap, "leads.routing.v1", leadId, eventId, "LeadQualified", event.toString());
    }

    private void erase(String leadId) {
        ContractEvents.sendLeadErased(bootstrap, leadId);
    }

    private Row opportunity(String leadId) {
        return rows("select o.*, o.bant::text as bant_text, o.qualification::text as qualification_text, a.name as account_name, a.domain, c.email, c.first_name,"
                + " c.last_name, c.job_title, c.phone from opportunity o join account a on a.id = o.account_id"
                + " join contact c on c.id = o.contact_id where o.lead_id = $1", UUID.fromString(leadId)).get(0);
    }

    private void awaitErased(String leadId) {
        await().atMost(DEADLINE).until(() -> rows("select 1 from erased_lead where lead_id = $1", UUID.fromString(leadId)).size() == 1);
    }

    private double erasedOutcomes() {
        var counter = meters.find("leadflow.events.consumed").tags("consumer", "crm-sync", "outcome", "erased").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void theOpportunityStaysWithAnAnonymousContactAndTheCompanysAccount() throws Exception {
        String leadId = UUID.randomUUID().toString();
        String domain = "acme-" + UUID.randomUUID().toString().substring(0, 8) + ".com";
        qualify(leadId, "ada@" + domain, false);
        await().atMost(DEADLINE).until(() -> rows("select 1 from outbox where aggregateid = $1", leadId).size() == 1);

        erase(leadId);
        awaitErased(leadId);
        Row erased = opportunity(leadId);
        for (String personal : List.of("email", "first_name", "last_name", "job_title", "phone", "notes")) {
            assertThat(erased.getValue(personal)).as(personal).isNull();
        }
        assertThat(erased.getString("bant_text")).doesNotContain("50k").doesNotContain("VP Sales");
        assertThat(erased.getString("qualification_text")).contains("\"framework\": \"bant\"")
                .doesNotContain("50k").doesNotContain("VP Sales");
        assertThat(erased.getString("stage")).isEqualTo("discovery");
        assertThat(erased.getString("owner_id")).isEqualTo("sdr-1");
        assertThat(erased.getString("account_name")).as("a company, not a person").isEqualTo("Acme Robotics");
        assertThat(erased.getString("name")).isEqualTo("Acme Robotics - new business");
        assertThat(rows("select 1 from outbox where aggregateid = $1", leadId)).as("OpportunityCreated").isEmpty();

        // The same qualification read again after the erasure opens nothing and brings nobody back.
        double before = erasedOutcomes();
        qualify(leadId, "ada@" + domain, false);
        await().atMost(DEADLINE).until(() -> erasedOutcomes() > before);
        assertThat(rows("select 1 from contact where email = $1", "ada@" + domain)).isEmpty();
        assertThat(rows("select 1 from opportunity where lead_id = $1", UUID.fromString(leadId))).hasSize(1);
    }

    @Test
    void anAccountNamedAfterThePersonIsRenamed() throws Exception {
        String leadId = UUID.randomUUID().toString();
        String email = "ada." + UUID.randomUUID().toString().substring(0, 8) + "@gmail.com";
        qualify(leadId, email, true);
        await().atMost(DEADLINE).until(() -> rows("select 1 from opportunity where lead_id = $1", UUID.fromString(leadId)).size() == 1);
        assertThat(opportunity(leadId).getString("account_name")).isEqualTo("Ada Lovelace");

        erase(leadId);
        awaitErased(leadId);
        Row erased = opportunity(leadId);
        assertThat(erased.getString("account_name")).isEqualTo("Erased contact");
        assertThat(erased.getString("name")).isEqualTo("Erased contact - new business");
        assertThat(erased.getString("email")).isNull();
    }
}
