package io.leadflow.capture.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.capture.domain.EmailAddresses;
import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.localstack.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Big List of Naughty Strings (../shared/data/bad-inputs/blns.json, MIT) through the HTTP endpoints,
 * into PostgreSQL and back: for every string and every text field, never a 5xx; either a 400 whose
 * problem names only fields that were sent, with a reason, or the exact text (after NFC and trimming)
 * stored and returned by the read API. The validator's own BLNS test covers each field alone.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "capture"))
class NaughtyStringsEndpointsTest {

    private static final Path BLNS = Path.of(System.getProperty("leadflow.repo.dir", "."))
            .resolve("../shared/data/bad-inputs/blns.json");
    private static List<String> strings;

    /** JSON pointer of each free-text field of the JSON API, as sent and as read back from a submission. */
    private static final List<String> JSON_FIELDS = List.of("/firstName", "/lastName", "/company", "/jobTitle", "/message",
            "/state", "/website", "/industry", "/employees", "/revenue",
            "/consent/text", "/consent/version", "/utm/source", "/utm/medium", "/utm/campaign", "/utm/term", "/utm/content",
            "/formId", "/pageUrl", "/referrer");
    /** The HTML form's field names, and where each is read back from a submission. */
    private static final Map<String, String> FORM_FIELDS = new LinkedHashMap<>();

    static {
        FORM_FIELDS.put("firstName", "/firstName");
        FORM_FIELDS.put("lastName", "/lastName");
        FORM_FIELDS.put("company", "/company");
        FORM_FIELDS.put("jobTitle", "/jobTitle");
        FORM_FIELDS.put("message", "/message");
        FORM_FIELDS.put("state", "/state");
        FORM_FIELDS.put("website", "/website");
        FORM_FIELDS.put("industry", "/industry");
        FORM_FIELDS.put("employees", "/employees");
        FORM_FIELDS.put("revenue", "/revenue");
        FORM_FIELDS.put("consentText", "/consent/text");
        FORM_FIELDS.put("consentVersion", "/consent/version");
        FORM_FIELDS.put("utm_source", "/utm/source");
        FORM_FIELDS.put("utm_campaign", "/utm/campaign");
    }

    @Inject
    ObjectMapper mapper;

    @BeforeAll
    static void load() throws Exception {
        strings = new ObjectMapper().readValue(BLNS.toFile(), new TypeReference<>() { });
        assertThat(strings).hasSize(485);
    }

    private static String expected(String sent) {
        String v = Normalizer.normalize(sent, Normalizer.Form.NFC).strip();
        return v.isEmpty() ? null : v;
    }

    private static String fieldOf(String pointer) {
        return pointer.substring(1).replace('/', '.');
    }

    private JsonNode submissionOf(String leadId) throws Exception {
        String body = given().auth().oauth2(TestTokens.revops()).when().get("/api/v1/leads/" + leadId)
                .then().statusCode(200).extract().asString();
        JsonNode submissions = mapper.readTree(body).get("submissions");
        return submissions.get(submissions.size() - 1);
    }

    private static void put(ObjectNode root, String pointer, String value) {
        String[] parts = pointer.substring(1).split("/");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.has(parts[i]) ? (ObjectNode) node.get(parts[i]) : node.putObject(parts[i]);
        }
        node.put(parts[parts.length - 1], value);
    }

    /** The fields a 400 named: each must be one that was sent, and have a reason. */
    private static Set<String> refusedFields(Response response, Set<String> sent, List<String> wrong, String what) {
        Set<String> refused = new HashSet<>();
        for (Map<String, String> error : response.jsonPath().<Map<String, String>>getList("errors")) {
            if (!sent.contains(error.get("field")) || error.get("reason") == null || error.get("reason").isBlank()) {
                wrong.add(what + ": unexpected error " + error);
            }
            refused.add(error.get("field"));
        }
        return refused;
    }

    @Test
    void jsonApi() throws Exception {
        List<String> wrong = new ArrayList<>();
        int stored = 0;
        for (String naughty : strings) {
            ObjectNode body = mapper.createObjectNode();
            body.put("email", "blns-" + UUID.randomUUID() + "@acme-robotics.com");
            List<String> fields = new ArrayList<>(JSON_FIELDS);
            fields.forEach(f -> put(body, f, naughty));
            body.with("consent").put("marketing", true);
            Response response = post(body);
            if (response.statusCode() == 400) {
                Set<String> sent = new HashSet<>();
                fields.forEach(f -> sent.add(fieldOf(f)));
                Set<String> refused = refusedFields(response, sent, wrong, "json " + naughty);
                fields.removeIf(f -> refused.contains(fieldOf(f)));
                ObjectNode retry = mapper.createObjectNode();
                retry.put("email", body.get("email").asText());
                fields.forEach(f -> put(retry, f, naughty));
                retry.with("consent").put("marketing", true);
                response = post(retry);
            }
            if (response.statusCode() != 202) {
                wrong.add("json " + naughty + ": status " + response.statusCode() + " " + response.asString());
                continue;
            }
            JsonNode submission = submissionOf(response.jsonPath().getString("leadId"));
            for (String f : fields) {
                JsonNode value = submission.at(f);
                String got = value.isMissingNode() || value.isNull() ? null : value.asText();
                if (!java.util.Objects.equals(got, expected(naughty))) {
                    wrong.add("json " + f + ": sent [" + naughty + "] read back [" + got + "]");
                }
            }
            stored++;
        }
        assertThat(wrong).isEmpty();
        assertThat(stored).isEqualTo(strings.size());
    }

    private static Response post(ObjectNode body) {
        return given().auth().oauth2(TestTokens.integration()).contentType("application/json").body(body.toString())
                .when().post("/api/v1/leads");
    }

    @Test
    void emailOfTheJsonApi() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String naughty : strings) {
            Response response = given().auth().oauth2(TestTokens.integration()).contentType("application/json")
                    .body(mapper.createObjectNode().put("email", naughty).toString()).when().post("/api/v1/leads");
            if (response.statusCode() == 400) {
                refusedFields(response, Set.of("email"), wrong, "email " + naughty);
            } else if (response.statusCode() == 202) {
                String email = mapper.readTree(given().auth().oauth2(TestTokens.revops())
                        .when().get("/api/v1/leads/" + response.jsonPath().getString("leadId")).then().statusCode(200)
                        .extract().asString()).get("email").asText();
                String normalised = EmailAddresses.parse(expected(naughty)).address().normalized();
                if (!email.equals(normalised)) {
                    wrong.add("email: sent [" + naughty + "] read back [" + email + "]");
                }
            } else {
                wrong.add("email " + naughty + ": status " + response.statusCode() + " " + response.asString());
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void htmlFormPost() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String naughty : strings) {
            String email = "blns-form-" + UUID.randomUUID() + "@acme-robotics.com";
            Map<String, String> fields = new LinkedHashMap<>(FORM_FIELDS);
            Response response = formPost(email, fields.keySet(), naughty);
            if (response.statusCode() == 400) {
                Set<String> sent = new HashSet<>();
                fields.values().forEach(f -> sent.add(fieldOf(f)));
                Set<String> refused = refusedFields(response, sent, wrong, "form " + naughty);
                fields.values().removeIf(f -> refused.contains(fieldOf(f)));
                response = formPost(email, fields.keySet(), naughty);
            }
            if (response.statusCode() != 303) {
                wrong.add("form " + naughty + ": status " + response.statusCode() + " " + response.asString());
                continue;
            }
            JsonNode submission = submissionOf(response.header("Leadflow-Lead-Id"));
            for (String pointer : fields.values()) {
                JsonNode value = submission.at(pointer);
                String got = value.isMissingNode() || value.isNull() ? null : value.asText();
                if (!java.util.Objects.equals(got, expected(naughty))) {
                    wrong.add("form " + pointer + ": sent [" + naughty + "] read back [" + got + "]");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static Response formPost(String email, Set<String> fields, String value) {
        var request = given().auth().oauth2(TestTokens.integration()).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("email", email);
        for (String field : fields) {
            request.formParam(field, value);
        }
        return request.when().post("/api/v1/forms/blns-form/submissions");
    }

    @Test
    void formsAdminApi() {
        List<String> wrong = new ArrayList<>();
        for (String naughty : strings) {
            String formId = "blns-" + UUID.randomUUID().toString().substring(0, 8);
            ObjectNode definition = mapper.createObjectNode().put("name", naughty);
            definition.putObject("consent").put("text", naughty).put("version", "v1");
            definition.putObject("defaults").put("source", naughty);
            Response response = given().auth().oauth2(TestTokens.admin()).contentType("application/json")
                    .body(definition.toString()).when().put("/api/v1/admin/forms/" + formId);
            if (response.statusCode() == 400) {
                refusedFields(response, Set.of("name", "consent.text", "defaults.source"), wrong, "forms " + naughty);
            } else if (response.statusCode() == 201) {
                JsonNode read = given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/admin/forms/" + formId)
                        .then().statusCode(200).extract().as(JsonNode.class);
                if (!naughty.strip().equals(read.at("/definition/name").asText())
                        || !naughty.equals(read.at("/definition/consent/text").asText())
                        || !naughty.equals(read.at("/definition/defaults/source").asText())) {
                    wrong.add("forms: sent [" + naughty + "] read back " + read.get("definition"));
                }
            } else {
                wrong.add("forms " + naughty + ": status " + response.statusCode() + " " + response.asString());
            }
        }
        assertThat(wrong).isEmpty();
    }
}
