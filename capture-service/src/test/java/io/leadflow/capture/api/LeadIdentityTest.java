package io.leadflow.capture.api;

import io.leadflow.messaging.testing.Sql;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.contracts.EventContracts;
import io.leadflow.localstack.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** One lead per person: repeat submissions join the first lead, fill its gaps and are announced as resubmissions. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "capture"))
class LeadIdentityTest {

    @Inject
    Pool db;

    @Inject
    ObjectMapper mapper;

    private List<Row> rows(String sql, Object... params) {
        return Sql.rows(db, sql, params);
    }

    private static String post(String json) {
        return given().contentType("application/json").body(json)
                .when().post("/api/v1/leads").then().statusCode(202).extract().path("leadId");
    }

    private static String domain() {
        return "acme-" + UUID.randomUUID().toString().substring(0, 8) + ".com";
    }

    @Test
    void aRepeatSubmissionIsTheSameLeadFillsItsGapsAndKeepsConflictsInTheHistory() throws Exception {
        String domain = domain();
        String first = post("""
                {"email":"ada@%s","firstName":"Ada","company":"Acme Robotics",
                 "consent":{"marketing":true,"text":"I agree","version":"2026-01"},
                 "utm":{"source":"google"},"formId":"demo-request"}""".formatted(domain));
        // Same person: the address typed with other capitals, a new job title, a different company spelling.
        String second = post("""
                {"email":"ADA@%s","jobTitle":"VP Sales","company":"Acme Robotics Ltd","phone":"+44 7700 900123",
                 "consent":{"marketing":false,"text":"I agree","version":"2026-02"},
                 "utm":{"source":"linkedin"},"formId":"pricing","message":"Pricing for 40 seats?"}""".formatted(domain.toUpperCase()));

        assertThat(second).isEqualTo(first);
        UUID leadId = UUID.fromString(first);
        Row lead = rows("select email, company, job_title, phone, utm_source, consent_marketing, consent_version,"
                + " submission_count from lead where id = $1", leadId).get(0);
        assertThat(lead.getString("email")).isEqualTo("ada@" + domain);
        assertThat(lead.getString("company")).isEqualTo("Acme Robotics");
        assertThat(lead.getString("job_title")).isEqualTo("VP Sales");
        assertThat(lead.getString("phone")).isEqualTo("+447700900123");
        assertThat(lead.getString("utm_source")).as("first-touch attribution stays").isEqualTo("google");
        assertThat(lead.getBoolean("consent_marketing")).as("the latest consent given counts").isFalse();
        assertThat(lead.getString("consent_version")).isEqualTo("2026-02");
        assertThat(lead.getInteger("submission_count")).isEqualTo(2);

        List<Row> history = rows("select form_id, company, utm_source, consent_version, filled_fields, conflicting_fields"
                + " from submission where lead_id = $1 order by submitted_at", leadId);
        assertThat(history).extracting(r -> r.getString("form_id")).containsExactly("demo-request", "pricing");
        assertThat(history.get(1).getString("company")).isEqualTo("Acme Robotics Ltd");
        assertThat(history.get(1).getString("filled_fields")).isEqualTo("jobTitle,phone");
        assertThat(history.get(1).getString("conflicting_fields")).isEqualTo("company");
        assertThat(history).extracting(r -> r.getString("consent_version")).containsExactly("2026-01", "2026-02");

        List<Row> events = rows("select type, payload::text as payload from outbox where aggregateid = $1 order by occurred_at", first);
        assertThat(events).extracting(r -> r.getString("type")).containsExactly("LeadCaptured", "LeadResubmitted");
        String resubmitted = events.get(1).getString("payload");
        assertThat(EventContracts.violations("LeadResubmitted", resubmitted)).isEmpty();
        JsonNode json = mapper.readTree(resubmitted);
        assertThat(json.at("/submission/utm/source").asText()).isEqualTo("linkedin");
        assertThat(json.at("/submission/message").asText()).isEqualTo("Pricing for 40 seats?");
        assertThat(json.at("/lead/jobTitle").asText()).isEqualTo("VP Sales");
        assertThat(json.at("/lead/company").asText()).isEqualTo("Acme Robotics");
        assertThat(json.at("/submissionCount").asInt()).isEqualTo(2);
        assertThat(json.get("filledFields")).extracting(JsonNode::asText).containsExactly("jobTitle", "phone");
        assertThat(json.get("conflictingFields")).extracting(JsonNode::asText).containsExactly("company");
    }

    @Test
    void aRepeatSubmissionFillsTheStateAndCompanyDetailsTheLeadLacksLikeTheCompany() throws Exception {
        String domain = domain();
        String first = post("""
                {"email":"ada@%s","company":"Acme","website":"%s","employees":"11-50"}""".formatted(domain, domain));
        String second = post("""
                {"email":"ada@%s","state":"California","website":"https://www.%s","industry":"SaaS","employees":"11-50",
                 "revenue":"$10M"}""".formatted(domain, domain));

        assertThat(second).isEqualTo(first);
        UUID leadId = UUID.fromString(first);
        Row lead = rows("select state, website, industry, employees, revenue from lead where id = $1", leadId).get(0);
        assertThat(lead.getString("state")).isEqualTo("California");
        assertThat(lead.getString("website")).as("the first value given stays").isEqualTo(domain);
        assertThat(lead.getString("industry")).isEqualTo("SaaS");
        assertThat(lead.getString("employees")).isEqualTo("11-50");
        assertThat(lead.getString("revenue")).isEqualTo("$10M");
        List<Row> history = rows("select website, filled_fields, conflicting_fields from submission where lead_id = $1"
                + " order by submitted_at", leadId);
        assertThat(history.get(0).getString("filled_fields")).isEqualTo("company,website,employees");
        assertThat(history.get(1).getString("website")).isEqualTo("https://www." + domain);
        assertThat(history.get(1).getString("filled_fields")).isEqualTo("state,industry,revenue");
        assertThat(history.get(1).getString("conflicting_fields")).isEqualTo("website");

        List<Row> events = rows("select type, payload::text as payload from outbox where aggregateid = $1 order by occurred_at", first);
        assertThat(events).extracting(r -> r.getString("type")).containsExactly("LeadCaptured", "LeadResubmitted");
        String resubmitted = events.get(1).getString("payload");
        assertThat(EventContracts.violations("LeadResubmitted", resubmitted)).isEmpty();
        JsonNode json = mapper.readTree(resubmitted);
        assertThat(json.at("/submission/website").asText()).isEqualTo("https://www." + domain);
        assertThat(json.at("/submission/state").asText()).isEqualTo("California");
        assertThat(json.at("/lead/website").asText()).isEqualTo(domain);
        assertThat(json.at("/lead/state").asText()).isEqualTo("California");
        assertThat(json.at("/lead/industry").asText()).isEqualTo("SaaS");
        assertThat(json.at("/lead/employees").asText()).isEqualTo("11-50");
        assertThat(json.at("/lead/revenue").asText()).isEqualTo("$10M");
        assertThat(json.get("filledFields")).extracting(JsonNode::asText).containsExactly("state", "industry", "revenue");
        assertThat(json.get("conflictingFields")).extracting(JsonNode::asText).containsExactly("website");
    }

    @Test
    void revOpsReadsTheLeadWithItsHistoryAndNobodyElseDoes() {
        String domain = domain();
        String leadId = post("{\"email\":\"lin@" + domain + "\",\"company\":\"<script>alert(1)</script>\"}");
        post("{\"email\":\"Lin@" + domain + "\",\"jobTitle\":\"'; DROP TABLE lead; --\",\"formId\":\"webinar\"}");

        given().auth().oauth2(io.leadflow.localstack.TestTokens.revops())
                .when().get("/api/v1/leads/" + leadId)
                .then().statusCode(200)
                .body("company", org.hamcrest.Matchers.is("<script>alert(1)</script>"))
                .body("jobTitle", org.hamcrest.Matchers.is("'; DROP TABLE lead; --"))
                .body("submissionCount", org.hamcrest.Matchers.is(2))
                .body("submissions.formId", org.hamcrest.Matchers.contains(null, "webinar"))
                .body("submissions[1].filledFields", org.hamcrest.Matchers.contains("jobTitle"));
        given().auth().oauth2(io.leadflow.localstack.TestTokens.admin())
                .queryParam("email", "LIN@" + domain.toUpperCase())
                .when().get("/api/v1/leads")
                .then().statusCode(200).body("id", org.hamcrest.Matchers.is(leadId));

        given().when().get("/api/v1/leads/" + leadId).then().statusCode(401);
        given().auth().oauth2(io.leadflow.localstack.TestTokens.sdr("sdr-1"))
                .when().get("/api/v1/leads/" + leadId).then().statusCode(403);
        given().auth().oauth2(io.leadflow.localstack.TestTokens.revops())
                .when().get("/api/v1/leads/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void concurrentFirstSubmissionsOfOnePersonMakeOneLeadAndOneLeadCaptured() throws Exception {
        String email = "burst@" + domain();
        int submissions = 8;
        ExecutorService pool = Executors.newFixedThreadPool(submissions);
        try {
            List<Callable<String>> posts = new ArrayList<>();
            for (int i = 0; i < submissions; i++) {
                String message = "attempt " + i;
                posts.add(() -> post("{\"email\":\"" + email + "\",\"message\":\"" + message + "\"}"));
            }
            Set<String> leadIds = new java.util.HashSet<>();
            for (Future<String> f : pool.invokeAll(posts)) {
                leadIds.add(f.get());
            }
            assertThat(leadIds).hasSize(1);
            String leadId = leadIds.iterator().next();
            assertThat(rows("select 1 from lead where email = $1", email)).hasSize(1);
            assertThat(rows("select 1 from submission where lead_id = $1", UUID.fromString(leadId))).hasSize(submissions);
            assertThat(rows("select type from outbox where aggregateid = $1", leadId).stream()
                    .collect(Collectors.groupingBy(r -> r.getString("type"), Collectors.counting())))
                    .containsEntry("LeadCaptured", 1L).containsEntry("LeadResubmitted", (long) submissions - 1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBotUsingAKnownAddressNeverTouchesThatPersonsLead() {
        String email = "grace@" + domain();
        String leadId = post("{\"email\":\"" + email + "\",\"company\":\"Navy\"}");

        String answered = post("{\"email\":\"" + email + "\",\"jobTitle\":\"Bot\",\"hp\":\"gotcha\"}");

        assertThat(answered).as("a bot is answered like anyone, with a lead id of its own").isNotEqualTo(leadId);
        Row lead = rows("select job_title, submission_count from lead where id = $1", UUID.fromString(leadId)).get(0);
        assertThat(lead.getString("job_title")).isNull();
        assertThat(lead.getInteger("submission_count")).isEqualTo(1);
        assertThat(rows("select type from outbox where aggregateid = $1", answered)).isEmpty();
        assertThat(rows("select spam_reason from submission where lead_id = $1", UUID.fromString(answered)))
                .extracting(r -> r.getString("spam_reason")).containsExactly("honeypot");
    }
}
