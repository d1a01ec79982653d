package io.leadflow.enrichment.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.contracts.EventContracts;
import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.localstack.TestTokens;
import io.leadflow.messaging.testing.Sql;
import io.leadflow.messaging.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.leadflow.messaging.testing.TopicProbe.keyed;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

/** Leads matched to known accounts: imported by RevOps or learnt from crm-sync's events. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "enrichment"))
class AccountMatchingTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String ACCOUNTS = "/api/v1/enrichment/accounts";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    ObjectMapper mapper;
    @Inject
    Pool db;

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private JsonNode enrich(String email, String company, String country, String state) throws Exception {
        String leadId = UUID.randomUUID().toString();
        ObjectNode event = (ObjectNode) mapper.readTree(EventContracts.example("LeadCaptured"));
        event.put("leadId", leadId).put("eventId", UUID.randomUUID().toString()).put("email", email)
                .put("company", company).put("country", country).put("state", state).remove("website");
        event.remove("phone");
        try (TopicProbe enriched = TopicProbe.on(bootstrap, "leads.enrichment.v1")) {
            TopicProbe.send(bootstrap, "leads.capture.v1", leadId, event.get("eventId").asText(), "LeadCaptured", event.toString());
            String value = enriched.awaitOne(keyed(leadId, "LeadEnriched"), DEADLINE).value();
            assertThat(EventContracts.violations("LeadEnriched", value)).isEmpty();
            return mapper.readTree(value).get("enrichment");
        }
    }

    @Test
    void aLeadIsMatchedToAnImportedAccountByDomainOrFromAWebmailAddressByName() throws Exception {
        String tag = unique();
        given().auth().oauth2(TestTokens.revops()).contentType("application/json").body("""
                [{"id": "acc-%1$s", "name": "Zephyr Turbines %1$s Ltd", "domains": ["https://www.zephyr-%1$s.com/"],
                  "country": "GB", "ownerId": "ae-7"}]""".formatted(tag))
                .when().post(ACCOUNTS).then().statusCode(200).body("imported", is(1));

        JsonNode byDomain = enrich("ada@eu.zephyr-" + tag + ".com", "Whatever", "GB", null);
        assertThat(byDomain.at("/account/accountId").asText()).isEqualTo("acc-" + tag);
        assertThat(byDomain.at("/account/ownerId").asText()).isEqualTo("ae-7");
        assertThat(byDomain.at("/account/method").asText()).isEqualTo("domain");
        assertThat(byDomain.at("/account/confidence").asDouble()).isEqualTo(0.95);
        assertThat(byDomain.at("/account/reasons")).extracting(JsonNode::asText).containsExactly("domain_parent");
        assertThat(byDomain.at("/provenance/account").asText()).isEqualTo("rule:account-match");

        JsonNode byName = enrich("ada.l@gmail.com", "ZEPHYR TURBINES " + tag.toUpperCase() + ", LIMITED", "GB", null);
        assertThat(byName.at("/account/accountId").asText()).isEqualTo("acc-" + tag);
        assertThat(byName.at("/account/method").asText()).isEqualTo("name");
        assertThat(byName.at("/account/reasons")).extracting(JsonNode::asText).contains("name_normalized", "country_match");

        JsonNode none = enrich("bob@yahoo.com", "Zephyrus Consulting", "GB", null);
        assertThat(none.get("account").isNull()).isTrue();
        assertThat(Sql.rows(db, "select account_id from lead_enrichment where company_domain = $1", "eu.zephyr-" + tag + ".com"))
                .singleElement().satisfies(row -> assertThat(row.getString("account_id")).isEqualTo("acc-" + tag));
    }

    @Test
    void anAccountOfAnOpportunityCrmSyncOpenedMatchesTheNextLeadOfThatCompany() throws Exception {
        String tag = unique();
        String leadId = UUID.randomUUID().toString();
        String accountId = UUID.randomUUID().toString();
        ObjectNode created = (ObjectNode) mapper.readTree(EventContracts.example("OpportunityCreated"));
        created.put("leadId", leadId).put("eventId", UUID.randomUUID().toString()).put("accountId", accountId);
        ((ObjectNode) created.get("account")).put("id", accountId).put("name", "Borealis " + tag)
                .put("domain", "borealis-" + tag + ".com").put("ownerId", "sdr-3");
        assertThat(EventContracts.violations("OpportunityCreated", created.toString())).isEmpty();
        TopicProbe.send(bootstrap, "leads.crm.v1", leadId, created.get("eventId").asText(), "OpportunityCreated", created.toString());

        await().atMost(DEADLINE).untilAsserted(() -> given().auth().oauth2(TestTokens.revops())
                .queryParam("domain", "borealis-" + tag + ".com").when().get(ACCOUNTS + "/match")
                .then().statusCode(200).body("outcome", is("MATCHED")).body("match.accountId", is(accountId)));

        JsonNode next = enrich("grace@borealis-" + tag + ".com", null, "US", null);
        assertThat(next.at("/account/accountId").asText()).isEqualTo(accountId);
        assertThat(next.at("/account/ownerId").asText()).isEqualTo("sdr-3");
    }

    @Test
    void badAccountsAreRefusedNamingEachOneAndNothingIsImported() {
        String tag = unique();
        given().auth().oauth2(TestTokens.admin()).contentType("application/json").body("""
                [{"id": "ok-%1$s", "name": "Fine"},
                 {"name": "No Id"},
                 {"id": "bad-%1$s", "domains": ["not a domain"], "country": "France"}]""".formatted(tag))
                .when().post(ACCOUNTS).then().statusCode(400)
                .body("errors.field", contains("[1].id", "[2].domains[0]", "[2].country"));
        given().auth().oauth2(TestTokens.admin()).when().get(ACCOUNTS + "/ok-" + tag).then().statusCode(404);
        given().auth().oauth2(TestTokens.sdr("sdr-1")).contentType("application/json").body("[]").when().post(ACCOUNTS)
                .then().statusCode(403);
    }

    @Test
    void aUsStateOrCanadianProvinceIsReadInEnglishOrFrench() throws Exception {
        assertThat(enrich("ada@quebec-" + unique() + ".com", "X", "CA", "Québec").at("/geography/state").asText()).isEqualTo("CA-QC");
        JsonNode noCountry = enrich("ada@calif-" + unique() + ".com", "X", null, "Calif.");
        assertThat(noCountry.at("/geography/state").asText()).isEqualTo("US-CA");
        assertThat(noCountry.at("/geography/country").asText()).isEqualTo("US");
        assertThat(noCountry.at("/geography/source").asText()).isEqualTo("state");
    }

    @Test
    void theMatchEndpointExplainsHowACompanyMatches() {
        String tag = unique();
        given().auth().oauth2(TestTokens.revops()).contentType("application/json").body("""
                [{"id": "n1-%1$s", "name": "Helios Solar %1$s"}, {"id": "n2-%1$s", "name": "Helios Solaris %1$s"}]""".formatted(tag))
                .when().post(ACCOUNTS).then().statusCode(200);
        given().auth().oauth2(TestTokens.revops()).queryParam("company", "Helios Solar " + tag).when().get(ACCOUNTS + "/match")
                .then().statusCode(200).body("outcome", is("MATCHED")).body("match.accountId", is("n1-" + tag))
                .body("match.reasons", hasItem("name_exact"));
        given().auth().oauth2(TestTokens.revops()).when().get(ACCOUNTS + "/match").then().statusCode(400);
    }
}
