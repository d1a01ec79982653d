package io.leadflow.capture.imports;

import io.leadflow.messaging.testing.Sql;
import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.localstack.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

/** A CSV import on the real stack: report counts, one lead per person, one event per stored row, nothing twice. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "capture"))
class CsvImportTest {

    @Inject
    Pool db;

    private List<Row> rows(String sql, Object... params) {
        return Sql.rows(db, sql, params);
    }

    private static String domain() {
        return "expo-" + UUID.randomUUID().toString().substring(0, 8) + ".com";
    }

    static ValidatableResponse upload(String token, String csv, String query) {
        return given().log().ifValidationFails()
                // Large files take longer than the test client's default 30 s read timeout on a busy machine.
                .config(io.restassured.RestAssured.config().httpClient(io.restassured.config.HttpClientConfig.httpClientConfig()
                        .setParam("http.socket.timeout", 600_000)))
                .auth().oauth2(token).contentType("text/csv; charset=utf-8").body(csv)
                .when().post("/api/v1/imports" + query).then().log().ifValidationFails();
    }

    /** Rows (line numbers in the comments) covering every outcome of a row. */
    private static String file(String d) {
        return "Email,First Name,Company Name,Country,Notes,Badge ID\r\n"
                + "ada@" + d + ",Ada,\"Acme, Inc.\",FR,,B1\r\n"                              // 2 created
                + "lin@" + d + ",Lin,Acme,DE,\"met at the booth\r\nwants a demo\",B2\r\n"     // 3-4 created
                + "not-an-email,Bob,Acme,FR,,B3\r\n"                                          // 5 rejected: email
                + "known@" + d + ",Kim,Acme,GB,,B4\r\n"                                        // 6 resubmitted (known)
                + "ADA@" + d.toUpperCase() + ",Ada,Acme Robotics,FR,second visit,B5\r\n"      // 7 duplicate in file
                + "zoe@" + d + ",Zoe,Acme,Atlantis,,B6\r\n"                                    // 8 rejected: country
                + "lin@" + d + ",Lin,Acme,DE,\"met at the booth\r\nwants a demo\",B2\r\n"     // 9-10 identical to 3-4
                + ",,,,,\r\n"                                                                   // 11 blank
                + "max@" + d + ",Max,Acme,FR,,B7,oops\r\n";                                   // 12 rejected: too many cells
    }

    @Test
    void aFileIsImportedOneLeadPerPersonWithItsReportAndTheSameFileAgainStoresNothing() {
        String d = domain();
        String known = given().contentType("application/json").body("{\"email\":\"known@" + d + "\",\"company\":\"Acme\"}")
                .when().post("/api/v1/leads").then().statusCode(202).extract().path("leadId");

        String importId = upload(TestTokens.integration(), file(d), "?source=trade-show&campaign=websummit-2026")
                .statusCode(200)
                .body("rows", is(8)).body("accepted", is(5)).body("rejected", is(3))
                .body("created", is(2)).body("resubmitted", is(1)).body("duplicatesInFile", is(2)).body("alreadyImported", is(0))
                .body("rejections.line", contains(5, 8, 12))
                .body("rejections[0].errors.field", contains("email"))
                .body("rejections[1].errors.field", contains("country"))
                .body("rejections[2].errors.field", contains("row"))
                .body("unknownColumns", contains("Badge ID"))
                .body("complete", is(true))
                .extract().path("importId");

        Map<String, List<String>> events = events(d);
        assertThat(rows("select email_key from lead where email_key like $1", "%@" + d)).hasSize(3);
        assertThat(events).containsOnlyKeys("ada@" + d, "lin@" + d, "known@" + d);
        assertThat(events.get("ada@" + d)).containsExactly("LeadCaptured", "LeadResubmitted");
        assertThat(events.get("lin@" + d)).containsExactly("LeadCaptured");
        assertThat(events.get("known@" + d)).containsExactly("LeadCaptured", "LeadResubmitted");
        Row ada = rows("select channel, utm_source, utm_campaign, company, submission_count from lead where email_key = $1",
                "ada@" + d).get(0);
        assertThat(ada.getString("channel")).isEqualTo("import");
        assertThat(ada.getString("utm_source")).isEqualTo("trade-show");
        assertThat(ada.getString("utm_campaign")).isEqualTo("websummit-2026");
        assertThat(ada.getString("company")).isEqualTo("Acme, Inc.");
        assertThat(ada.getInteger("submission_count")).isEqualTo(2);
        assertThat(rows("select message from submission where email = $1", "lin@" + d))
                .extracting(r -> r.getString("message")).containsExactly("met at the booth\nwants a demo");
        assertThat(rows("select lead_id from submission where email = $1", "known@" + d))
                .extracting(r -> r.getUUID("lead_id").toString()).containsOnly(known);
        long submissions = submissions(d);
        long outbox = events.values().stream().mapToLong(List::size).sum();

        upload(TestTokens.revops(), file(d), "?source=trade-show&campaign=websummit-2026")
                .statusCode(200)
                .body("rows", is(8)).body("rejected", is(3)).body("alreadyImported", is(5))
                .body("created", is(0)).body("resubmitted", is(0)).body("duplicatesInFile", is(0));

        assertThat(submissions(d)).isEqualTo(submissions);
        assertThat(events(d).values().stream().mapToLong(List::size).sum()).isEqualTo(outbox);

        given().auth().oauth2(TestTokens.revops()).when().get("/api/v1/imports/" + importId).then().statusCode(200)
                .body("importId", is(importId)).body("created", is(2)).body("rejections.line", contains(5, 8, 12));
        given().auth().oauth2(TestTokens.of("another-integration", "integration"))
                .when().get("/api/v1/imports/" + importId).then().statusCode(404);
    }

    private long submissions(String d) {
        return rows("select count(*) as n from submission where lower(email) like $1", "%@" + d).get(0).getLong("n");
    }

    /** Event types per person of the domain, oldest first. */
    private Map<String, List<String>> events(String d) {
        return rows("select l.email_key, o.type from outbox o join lead l on l.id::text = o.aggregateid"
                + " where l.email_key like $1 order by o.occurred_at", "%@" + d).stream()
                .collect(Collectors.groupingBy(r -> r.getString("email_key"), java.util.TreeMap::new,
                        Collectors.mapping(r -> r.getString("type"), Collectors.toList())));
    }

    @Test
    void theStateAndCompanyDetailsAreReadFromTheirUsualColumnNamesInEnglishAndFrench() throws Exception {
        String d = domain();
        // Known already: the import fills what the lead lacks (the batch's resubmission update).
        given().contentType("application/json").body("{\"email\":\"kim@" + d + "\",\"website\":\"" + d + "\"}")
                .when().post("/api/v1/leads").then().statusCode(202);

        upload(TestTokens.integration(), "Email,State/Province,Company Website,Industry,Number of Employees,Annual Revenue\r\n"
                + "ada@" + d + ",California,https://www." + d + ",SaaS,11-50,$10M\r\n"
                + "kim@" + d + ",Ontario,https://kim." + d + ",Banking,,\r\n", "").statusCode(200)
                .body("created", is(1)).body("resubmitted", is(1)).body("unknownColumns", org.hamcrest.Matchers.empty());
        upload(TestTokens.integration(), "E-mail,Région,Site web,Secteur,Effectif,Chiffre d'affaires\n"
                + "zoe@" + d + ",Québec," + d + "/fr,Logiciel,50 salariés,5M€\n", "").statusCode(200)
                .body("created", is(1)).body("unknownColumns", org.hamcrest.Matchers.empty());

        Map<String, List<String>> leads = rows("select email_key, state, website, industry, employees, revenue from lead"
                + " where email_key like $1", "%@" + d).stream().collect(Collectors.toMap(r -> r.getString("email_key"),
                r -> java.util.Arrays.asList(r.getString("state"), r.getString("website"), r.getString("industry"),
                        r.getString("employees"), r.getString("revenue"))));
        assertThat(leads).containsOnly(
                Map.entry("ada@" + d, List.of("California", "https://www." + d, "SaaS", "11-50", "$10M")),
                Map.entry("kim@" + d, java.util.Arrays.asList("Ontario", d, "Banking", null, null)),
                Map.entry("zoe@" + d, List.of("Québec", d + "/fr", "Logiciel", "50 salariés", "5M€")));
        assertThat(rows("select conflicting_fields from submission where email = $1 and channel = 'import'", "kim@" + d))
                .extracting(r -> r.getString("conflicting_fields")).containsExactly("website");

        List<Row> captured = rows("select o.payload::text as payload from outbox o join lead l on l.id::text = o.aggregateid"
                + " where l.email_key = $1 and o.type = 'LeadCaptured'", "zoe@" + d);
        assertThat(captured).hasSize(1);
        String payload = captured.get(0).getString("payload");
        assertThat(io.leadflow.contracts.EventContracts.violations("LeadCaptured", payload)).isEmpty();
        com.fasterxml.jackson.databind.JsonNode event = new com.fasterxml.jackson.databind.ObjectMapper().readTree(payload);
        assertThat(event.get("channel").asText()).isEqualTo("import");
        assertThat(List.of("state", "website", "industry", "employees", "revenue")).extracting(f -> event.get(f).asText())
                .containsExactly("Québec", d + "/fr", "Logiciel", "50 salariés", "5M€");
        List<Row> resubmitted = rows("select o.payload::text as payload from outbox o join lead l on l.id::text = o.aggregateid"
                + " where l.email_key = $1 and o.type = 'LeadResubmitted'", "kim@" + d);
        assertThat(io.leadflow.contracts.EventContracts.violations("LeadResubmitted", resubmitted.get(0).getString("payload")))
                .isEmpty();
    }

    @Test
    void aPersonOnTheDoNotContactListIsImportedFlaggedAsByTheApi() {
        String d = domain();
        given().auth().oauth2(TestTokens.revops()).contentType("application/json")
                .body("{\"email\":\"quiet@" + d + "\",\"reason\":\"ticket PRIV-7\"}")
                .when().post("/api/v1/admin/do-not-contact").then().statusCode(201);

        upload(TestTokens.integration(), "email,company\nquiet@" + d + ",Acme\nloud@" + d + ",Acme\n", "").statusCode(200)
                .body("created", is(2));

        assertThat(rows("select email_key, do_not_contact from lead where email_key like $1 order by email_key", "%@" + d))
                .extracting(r -> r.getString("email_key") + "=" + r.getBoolean("do_not_contact"))
                .containsExactly("loud@" + d + "=false", "quiet@" + d + "=true");
        assertThat(rows("select o.payload->>'doNotContact' as flag from outbox o join lead l on l.id::text = o.aggregateid"
                + " where l.email_key = $1", "quiet@" + d)).extracting(r -> r.getString("flag")).containsExactly("true");
    }

    @Test
    void aPersonsWaitingEngagementJoinsTheLeadTheImportMakes() {
        String d = domain();
        given().auth().oauth2(TestTokens.integration()).contentType("application/json")
                .body("{\"events\":[{\"type\":\"webinar_attended\",\"email\":\"eve@" + d + "\",\"occurredAt\":\""
                        + java.time.Instant.now().minusSeconds(60) + "\"}]}")
                .when().post("/api/v1/engagement").then().statusCode(202);

        upload(TestTokens.integration(), "email\neve@" + d + "\nEVE@" + d + "\n", "").statusCode(200)
                .body("created", is(1)).body("duplicatesInFile", is(1));

        assertThat(events(d).get("eve@" + d)).as("in the order single captures write them")
                .containsExactly("LeadCaptured", "LeadEngaged", "LeadResubmitted");
        assertThat(rows("select 1 from engagement e join lead l on l.id = e.lead_id where l.email_key = $1", "eve@" + d)).hasSize(1);
    }

    @Test
    void onlyIntegrationsAndRevOpsImport() {
        String csv = "email\nnobody@" + domain() + "\n";
        given().contentType("text/csv; charset=utf-8").body(csv).when().post("/api/v1/imports").then().statusCode(401);
        upload(TestTokens.sdr("sdr-1"), csv, "").statusCode(403);
        given().auth().oauth2(TestTokens.sdr("sdr-1")).when().get("/api/v1/imports/" + UUID.randomUUID()).then().statusCode(403);
        upload(TestTokens.admin(), csv, "").statusCode(200).body("created", is(1));
    }

    @Test
    void aFileThatCannotBeImportedIsA400NamingWhy() {
        upload(TestTokens.integration(), "Name,Company\nAda,Acme\n", "").statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("email"));
        upload(TestTokens.integration(), "", "").statusCode(400).body("errors.field", contains("body"));
        upload(TestTokens.integration(), "email\nada@" + domain() + "\n", "?formId=not%20an%20id").statusCode(400)
                .body("errors.field", contains("formId"));
        upload(TestTokens.integration(), "email\nada@" + domain() + "\n", "?source=" + "x".repeat(201)).statusCode(400)
                .body("errors.field", contains("source"));
    }

    @Test
    void anUploadIdempotencyKeyAnswersTheSameReportForTheSameFileOnly() {
        String key = "upload-" + UUID.randomUUID();
        String csv = "email,company\nada@" + domain() + ",Acme\n";
        String first = given().auth().oauth2(TestTokens.integration()).header("Idempotency-Key", key).contentType("text/csv; charset=utf-8")
                .body(csv).when().post("/api/v1/imports").then().statusCode(200).body("created", is(1)).extract().path("importId");

        given().auth().oauth2(TestTokens.integration()).header("Idempotency-Key", key).contentType("text/csv; charset=utf-8").body(csv)
                .when().post("/api/v1/imports").then().statusCode(200)
                .header("Idempotent-Replayed", "true").body("importId", is(first)).body("created", is(1));
        given().auth().oauth2(TestTokens.integration()).header("Idempotency-Key", key).contentType("text/csv; charset=utf-8")
                .body(csv + "lin@" + domain() + ",Acme\n")
                .when().post("/api/v1/imports").then().statusCode(422).body("type", org.hamcrest.Matchers.endsWith("idempotency-key-reused"));
    }

    @Test
    void tenThousandRowsStreamThroughInChunksAndRepeatedPeopleAcrossChunksAreMerged() {
        String d = domain();
        StringBuilder csv = new StringBuilder("email,firstName,lastName,company,jobTitle,country,message\n");
        int rows = 10_000;
        int repeats = 100;
        for (int i = 0; i < rows - repeats; i++) {
            csv.append("person").append(i).append('@').append(d).append(",First").append(i).append(",Last").append(i)
                    .append(",Company ").append(i % 300).append(",Engineer,FR,\n");
        }
        for (int i = 0; i < repeats; i++) {
            // People from the first chunks again, much later in the file, with something new to say.
            csv.append("Person").append(i * 7).append('@').append(d).append(",,,,,FR,back at the booth\n");
        }
        long started = System.nanoTime();
        upload(TestTokens.integration(), csv.toString(), "?source=badge-scan").statusCode(200)
                .body("rows", is(rows)).body("accepted", is(rows)).body("created", is(rows - repeats))
                .body("duplicatesInFile", is(repeats)).body("rejected", is(0));
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("CSV import: %d rows (%d KB) in %.1f s = %.0f rows/s%n", rows, csv.length() / 1024, seconds, rows / seconds);

        assertThat(rows("select count(*) as n from lead where email_key like $1", "%@" + d).get(0).getLong("n"))
                .isEqualTo(rows - repeats);
        assertThat(rows("select type, count(*) as n from outbox where aggregateid in (select id::text from lead where email_key like $1)"
                + " group by type", "%@" + d).stream().collect(Collectors.toMap(r -> r.getString("type"), r -> r.getLong("n"))))
                .containsExactlyInAnyOrderEntriesOf(Map.of("LeadCaptured", (long) rows - repeats, "LeadResubmitted", (long) repeats));
    }
}
