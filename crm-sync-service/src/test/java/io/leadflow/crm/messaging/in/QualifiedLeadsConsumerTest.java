package io.leadflow.crm.messaging.in;

import io.leadflow.messaging.testing.Sql;
import com.fasterxml.jackson.databind.JsonNode;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.leadflow.messaging.testing.TopicProbe.header;
import static io.leadflow.messaging.testing.TopicProbe.keyed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "crm_sync"))
class QualifiedLeadsConsumerTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String ROUTING = "leads.routing.v1";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    Pool db;
    @Inject
    ObjectMapper mapper;
    @Inject
    MeterRegistry meters;

    /** A LeadQualified like the contract's example, for a person at a company of its own (unique domain). */
    private String leadQualified(String leadId, String eventId, String email, String companyDomain) throws Exception {
        ObjectNode event = (ObjectNode) mapper.readTree(EventContracts.example("LeadQualified"));
        event.put("leadId", leadId).put("eventId", eventId);
        ((ObjectNode) event.get("lead")).put("email", email);
        ((ObjectNode) event.get("enrichment")).put("emailDomain", email.substring(email.indexOf('@') + 1))
                .put("companyDomain", companyDomain);
        return event.toString();
    }

    private static String uniqueDomain() {
        return "acme-" + UUID.randomUUID().toString().substring(0, 8) + ".com";
    }

    private List<Row> rows(String sql, Object... params) {
        return Sql.rows(db, sql, params);
    }

    private void awaitOpportunity(String leadId) {
        await().atMost(DEADLINE).until(() -> rows("select 1 from opportunity where lead_id = $1", UUID.fromString(leadId)).size() == 1);
    }

    private void awaitInbox(String eventId) {
        await().atMost(DEADLINE).until(() -> rows("select 1 from inbox where consumer = 'crm-sync' and event_id = $1",
                UUID.fromString(eventId)).size() == 1);
    }

    private double duplicates() {
        var counter = meters.find("leadflow.events.consumed").tags("consumer", "crm-sync", "outcome", "duplicate").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aQualifiedLeadBecomesAnAccountAContactAndOneOpportunity() throws Exception {
        String leadId = UUID.randomUUID().toString();
        String domain = uniqueDomain();
        String email = "ada@" + domain;

        try (TopicProbe crm = TopicProbe.on(bootstrap, "leads.crm.v1")) {
            String eventId = UUID.randomUUID().toString();
            TopicProbe.send(bootstrap, ROUTING, leadId, eventId, "LeadQualified", leadQualified(leadId, eventId, email, domain));
            ConsumerRecord<String, String> record = crm.awaitOne(keyed(leadId, "OpportunityCreated"), DEADLINE);

            assertThat(EventContracts.violations("OpportunityCreated", record.value())).isEmpty();
            JsonNode created = mapper.readTree(record.value());
            assertThat(created.get("eventId").asText()).isEqualTo(header(record, "id"));

            Row account = rows("select * from account where domain = $1", domain).get(0);
            assertThat(account.getString("name")).isEqualTo("Acme Robotics");
            Row contact = rows("select * from contact where email = $1", email).get(0);
            assertThat(contact.getString("first_name")).isEqualTo("Ada");
            assertThat(contact.getString("last_name")).isEqualTo("Lovelace");
            assertThat(contact.getString("job_title")).isEqualTo("VP Sales");
            assertThat(contact.getString("phone")).isEqualTo("+44 20 7946 0958");
            assertThat(contact.getUUID("account_id")).isEqualTo(account.getUUID("id"));

            List<Row> opportunities = rows("select *, bant ->> 'budget' as budget, qualification ->> 'framework' as framework, "
                    + "qualification -> 'answers' ->> 'need' as need from opportunity where lead_id = $1", UUID.fromString(leadId));
            assertThat(opportunities).hasSize(1);
            Row opportunity = opportunities.get(0);
            assertThat(opportunity.getString("name")).isEqualTo("Acme Robotics - new business");
            assertThat(opportunity.getString("stage")).isEqualTo("discovery");
            assertThat(opportunity.getString("owner_id")).isEqualTo("sdr-1");
            // The amount is read from the budget answer ("50k EUR approved").
            assertThat(opportunity.getBigDecimal("amount")).isEqualByComparingTo("50000");
            assertThat(opportunity.getString("budget")).isEqualTo("50k EUR approved");
            assertThat(opportunity.getString("framework")).isEqualTo("bant");
            assertThat(opportunity.getString("need")).isEqualTo("Leads wait a day");
            assertThat(opportunity.getUUID("contact_id")).isEqualTo(contact.getUUID("id"));

            assertThat(created.get("opportunityId").asText()).isEqualTo(opportunity.getUUID("id").toString());
            assertThat(created.get("accountId").asText()).isEqualTo(account.getUUID("id").toString());
            assertThat(created.get("contactId").asText()).isEqualTo(contact.getUUID("id").toString());
            assertThat(created.get("stage").asText()).isEqualTo("discovery");
            assertThat(created.get("ownerId").asText()).isEqualTo("sdr-1");
            assertThat(created.get("crm").asText()).isEqualTo("builtin");
            assertThat(created.get("connection").asText()).isEqualTo("builtin");
            assertThat(created.at("/crmIds/opportunity").asText()).isEqualTo(opportunity.getUUID("id").toString());

            Row sync = rows("select * from crm_sync where lead_id = $1", UUID.fromString(leadId)).get(0);
            assertThat(sync.getString("state")).isEqualTo("synced");
            assertThat(sync.getUUID("opportunity_id")).isEqualTo(opportunity.getUUID("id"));
            assertThat(sync.getString("lifecycle")).isEqualTo("opportunity");
            assertThat(sync.getBigDecimal("amount")).isEqualByComparingTo("50000");
            List<Row> calls = rows("select * from crm_sync_log where lead_id = $1", UUID.fromString(leadId));
            assertThat(calls).hasSize(1);
            assertThat(calls.get(0).getString("operation")).isEqualTo("convert");
            assertThat(calls.get(0).getString("outcome")).isEqualTo("ok");
            assertThat(calls.get(0).getString("request_id")).isNotBlank();
        }
    }

    @Test
    void redeliveriesAndRequalificationsNeverOpenASecondOpportunity() throws Exception {
        String leadId = UUID.randomUUID().toString();
        String domain = uniqueDomain();
        String eventId = UUID.randomUUID().toString();
        String value = leadQualified(leadId, eventId, "grace@" + domain, domain);
        double duplicatesBefore = duplicates();

        TopicProbe.send(bootstrap, ROUTING, leadId, eventId, "LeadQualified", value);
        awaitOpportunity(leadId);
        TopicProbe.send(bootstrap, ROUTING, leadId, eventId, "LeadQualified", value);
        await().atMost(DEADLINE).until(() -> duplicates() > duplicatesBefore);
        String againId = UUID.randomUUID().toString();
        TopicProbe.send(bootstrap, ROUTING, leadId, againId, "LeadQualified", leadQualified(leadId, againId, "grace@" + domain, domain));
        awaitInbox(againId);

        assertThat(rows("select 1 from opportunity where lead_id = $1", UUID.fromString(leadId))).hasSize(1);
        assertThat(rows("select 1 from outbox where aggregateid = $1 and type = 'OpportunityCreated'", leadId)).hasSize(1);
        assertThat(rows("select 1 from account where domain = $1", domain)).hasSize(1);
        assertThat(rows("select 1 from contact where email = $1", "grace@" + domain)).hasSize(1);
    }

    @Test
    void twoLeadsOfOneCompanyShareItsAccount() throws Exception {
        String domain = uniqueDomain();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String firstEvent = UUID.randomUUID().toString();
        String secondEvent = UUID.randomUUID().toString();

        TopicProbe.send(bootstrap, ROUTING, first, firstEvent, "LeadQualified", leadQualified(first, firstEvent, "ada@" + domain, domain));
        TopicProbe.send(bootstrap, ROUTING, second, secondEvent, "LeadQualified",
                leadQualified(second, secondEvent, "charles@" + domain, domain));
        awaitOpportunity(first);
        awaitOpportunity(second);

        List<Row> accounts = rows("select id from account where domain = $1", domain);
        assertThat(accounts).hasSize(1);
        assertThat(rows("select account_id from opportunity where lead_id = any($1)",
                (Object) new UUID[]{UUID.fromString(first), UUID.fromString(second)}))
                .extracting(row -> row.getUUID("account_id"))
                .containsExactly(accounts.get(0).getUUID("id"), accounts.get(0).getUUID("id"));
        assertThat(rows("select 1 from contact where account_id = $1", accounts.get(0).getUUID("id"))).hasSize(2);
    }

    @Test
    void aLeadEnrichmentMatchedToAKnownAccountJoinsThatAccountRatherThanOneByDomain() throws Exception {
        String domain = uniqueDomain();
        String first = UUID.randomUUID().toString();
        String firstEvent = UUID.randomUUID().toString();
        TopicProbe.send(bootstrap, ROUTING, first, firstEvent, "LeadQualified", leadQualified(first, firstEvent, "ada@" + domain, domain));
        awaitOpportunity(first);
        UUID accountId = rows("select id from account where domain = $1", domain).get(0).getUUID("id");

        // A person writing from a personal address, matched by enrichment (by company name) to the known account.
        String second = UUID.randomUUID().toString();
        String secondEvent = UUID.randomUUID().toString();
        ObjectNode event = (ObjectNode) mapper.readTree(leadQualified(second, secondEvent, "grace-" + second.substring(0, 8) + "@gmail.com", null));
        ((ObjectNode) event.get("enrichment")).put("emailClass", "personal").put("emailDomain", "gmail.com")
                .putObject("account").put("accountId", accountId.toString()).put("ownerId", "sdr-1").put("confidence", 0.97);
        TopicProbe.send(bootstrap, ROUTING, second, secondEvent, "LeadQualified", event.toString());
        awaitOpportunity(second);

        assertThat(rows("select account_id from opportunity where lead_id = $1", UUID.fromString(second)).get(0).getUUID("account_id"))
                .isEqualTo(accountId);
        assertThat(rows("select account_id from crm_sync where lead_id = $1", UUID.fromString(second)).get(0).getUUID("account_id"))
                .isEqualTo(accountId);
    }

    private Row awaitQualification(String leadId) {
        awaitOpportunity(leadId);
        return rows("select bant, qualification ->> 'framework' as framework, qualification -> 'answers' as answers "
                + "from opportunity where lead_id = $1", UUID.fromString(leadId)).get(0);
    }

    @Test
    void aMeddicQualificationOpensAnOpportunityThatKeepsTheAnswersWithoutBant() throws Exception {
        String leadId = UUID.randomUUID().toString();
        String domain = uniqueDomain();
        String eventId = UUID.randomUUID().toString();
        ObjectNode event = (ObjectNode) mapper.readTree(leadQualified(leadId, eventId, "ada@" + domain, domain));
        event.remove("bant");
        ObjectNode qualification = event.putObject("qualification").put("framework", "meddic");
        qualification.putObject("answers").put("metrics", "Response time from 1 day to 5 minutes")
                .put("economicBuyer", "CFO Grace Hopper").put("champion", "Ada, VP Sales");
        assertThat(EventContracts.violations("LeadQualified", event.toString())).isEmpty();

        TopicProbe.send(bootstrap, ROUTING, leadId, eventId, "LeadQualified", event.toString());

        Row opportunity = awaitQualification(leadId);
        assertThat(opportunity.getString("framework")).isEqualTo("meddic");
        assertThat(opportunity.getJsonObject("answers").getString("economicBuyer")).isEqualTo("CFO Grace Hopper");
        assertThat(opportunity.getJsonObject("answers").getString("champion")).isEqualTo("Ada, VP Sales");
        assertThat(opportunity.getValue("bant")).isNull();
    }

    @Test
    void anEventFromBeforeTemplatesWithBantAloneIsReadAsABantQualification() throws Exception {
        String leadId = UUID.randomUUID().toString();
        String domain = uniqueDomain();
        String eventId = UUID.randomUUID().toString();
        ObjectNode event = (ObjectNode) mapper.readTree(leadQualified(leadId, eventId, "ada@" + domain, domain));
        event.remove("qualification");

        TopicProbe.send(bootstrap, ROUTING, leadId, eventId, "LeadQualified", event.toString());

        Row opportunity = awaitQualification(leadId);
        assertThat(opportunity.getString("framework")).isEqualTo("bant");
        assertThat(opportunity.getJsonObject("answers").getString("timeline")).isEqualTo("Q1");
        assertThat(opportunity.getJsonObject("bant").getString("authority")).isEqualTo("VP Sales decides");
    }

    @Test
    void aQualificationWithNeitherQualificationNorBantGoesToTheDeadLetterTopicAndOpensNothing() throws Exception {
        String leadId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        ObjectNode event = (ObjectNode) mapper.readTree(leadQualified(leadId, eventId, "ada@" + uniqueDomain(), null));
        event.remove("bant");
        event.remove("qualification");

        try (TopicProbe dlq = TopicProbe.on(bootstrap, "leads.routing.v1.crm-sync.dlq")) {
            TopicProbe.send(bootstrap, ROUTING, leadId, eventId, "LeadQualified", event.toString());

            assertThat(header(dlq.awaitOne(keyed(leadId), DEADLINE), "dead-letter-reason")).contains("qualification");
            assertThat(rows("select 1 from opportunity where lead_id = $1", UUID.fromString(leadId))).isEmpty();
        }
    }
}
