package io.leadflow.capture.api;

import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.localstack.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** The admin API of webhook sources: role checks, create/read/replace/delete, field-level validation, secret rotation. */
@QuarkusTest
@TestProfile(WebhookTestProfile.class)
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "capture"))
class WebhookSourceResourceTest {

    private static final String BASE = "/api/v1/admin/webhook-sources/";
    static final String DEFINITION = """
            {"name":"Facebook lead ads","mapping":{"email":"/contact/email","firstName":"/contact/first_name",
             "utm.source":"/tracking/source","eventId":"/id"},
             "defaults":{"utm.source":"facebook","utm.medium":"paid-social","formId":"fb-lead-ad"}}""";

    private static String newId() {
        return "src-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    @Test
    void theAdminApiNeedsATokenWithTheAdminOrRevopsRole() {
        String id = newId();
        given().when().get(BASE).then().statusCode(401);
        given().contentType("application/json").body(DEFINITION).when().put(BASE + id).then().statusCode(401);
        as(TestTokens.sdr("sdr-1")).when().get(BASE).then().statusCode(403);
        as(TestTokens.sdr("sdr-1")).contentType("application/json").body(DEFINITION).when().put(BASE + id).then().statusCode(403);
        as(TestTokens.integration()).when().post(BASE + id + "/secret").then().statusCode(403);

        as(TestTokens.admin()).when().get(BASE + id).then().statusCode(404).contentType("application/problem+json");
        as(TestTokens.revops()).when().get(BASE).then().statusCode(200);
    }

    @Test
    void aSourceIsCreatedWithItsSecretShownOnceThenReadReplacedListedAndDeleted() {
        String id = newId();
        String secret = as(TestTokens.admin()).contentType("application/json").body(DEFINITION)
                .when().put(BASE + id)
                .then().statusCode(201)
                .header("Location", endsWith(BASE + id))
                .header("Cache-Control", "no-store")
                .body("id", is(id)).body("enabled", is(true)).body("mapping.email", is("/contact/email"))
                .body("defaults.formId", is("fb-lead-ad")).body("createdAt", notNullValue())
                .body("secret", startsWith("whsec_"))
                .extract().path("secret");
        assertThat(secret).hasSizeGreaterThan(40);

        String read = as(TestTokens.revops()).when().get(BASE + id)
                .then().statusCode(200)
                .body("secret", nullValue())
                .body("secretHint", is("whsec_..." + secret.substring(secret.length() - 4)))
                .body("secretRotatedAt", notNullValue())
                .extract().asString();
        assertThat(read).doesNotContain(secret);

        String replaced = DEFINITION.replace("Facebook lead ads", "Meta lead ads").replace("\"name\"", "\"enabled\":false,\"name\"");
        as(TestTokens.revops()).contentType("application/json").body(replaced).when().put(BASE + id)
                .then().statusCode(200)
                .body("name", is("Meta lead ads")).body("enabled", is(false))
                .body("secret", nullValue())
                .body("secretHint", endsWith(secret.substring(secret.length() - 4)));

        as(TestTokens.admin()).when().get(BASE).then().statusCode(200).body("id", hasItem(id));

        as(TestTokens.admin()).when().delete(BASE + id).then().statusCode(204);
        as(TestTokens.admin()).when().get(BASE + id).then().statusCode(404);
        as(TestTokens.admin()).when().delete(BASE + id).then().statusCode(404);
    }

    @Test
    void anInvalidDefinitionIsRefusedFieldByFieldAndNothingIsStored() {
        String body = """
                {"name":" ","mapping":{"nickname":"/nick","firstName":"contact/first_name"},
                 "defaults":{"email":"x@y.co","consent.marketing":"perhaps","formId":"not a form id!"}}""";
        as(TestTokens.admin()).contentType("application/json").body(body).when().put(BASE + "Bad_Id")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", endsWith("/invalid-request"))
                .body("errors.field", hasItems("sourceId", "name", "mapping.nickname", "mapping.firstName", "mapping.email",
                        "defaults.email", "defaults.consent.marketing", "defaults.formId"));

        String id = newId();
        as(TestTokens.admin()).contentType("application/json").body("{\"name\":\"x\",\"mapping\":{\"email\":{\"at\":\"/e\"}}}")
                .when().put(BASE + id)
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("mapping.email"));
        as(TestTokens.admin()).contentType("application/json").body("{\"name\":").when().put(BASE + id)
                .then().statusCode(400).contentType("application/problem+json");

        as(TestTokens.admin()).when().get(BASE + id).then().statusCode(404);
    }

    @Test
    void aRotationAnswersTheNewSecretOnceAndKeepsThePreviousOneForTheGracePeriod() {
        String id = newId();
        String first = as(TestTokens.admin()).contentType("application/json").body(DEFINITION).when().put(BASE + id)
                .then().statusCode(201).extract().path("secret");

        String second = as(TestTokens.revops()).when().post(BASE + id + "/secret")
                .then().statusCode(200).header("Cache-Control", "no-store")
                .body("secret", startsWith("whsec_"))
                .body("previousSecretValidUntil", notNullValue())
                .extract().path("secret");
        assertThat(second).isNotEqualTo(first);

        as(TestTokens.admin()).when().get(BASE + id).then().statusCode(200)
                .body("secret", nullValue())
                .body("secretHint", endsWith(second.substring(second.length() - 4)))
                .body("previousSecretValidUntil", notNullValue());

        as(TestTokens.admin()).when().post(BASE + "no-such-source/secret").then().statusCode(404);
    }

    @Inject
    io.vertx.mutiny.sqlclient.Pool db;

    @Inject
    io.leadflow.capture.repository.WebhookSecretsAtRest secretsAtRest;

    private String storedSecret(String id) {
        return db.preparedQuery("select secret from webhook_source where id = $1").execute(io.vertx.mutiny.sqlclient.Tuple.of(id))
                .await().atMost(java.time.Duration.ofSeconds(10)).iterator().next().getString(0);
    }

    @Test
    void secretsAreStoredEncryptedAndOnesStoredInClearBeforeAreEncryptedAtStartUp() {
        String id = newId();
        String secret = as(TestTokens.admin()).contentType("application/json").body(DEFINITION).when().put(BASE + id)
                .then().statusCode(201).extract().path("secret");
        String stored = storedSecret(id);
        assertThat(stored).startsWith("aesgcm1:").doesNotContain(secret.substring("whsec_".length()));

        // A source stored in clear (before V13), then a start-up: encrypted, and still the same secret.
        String legacy = newId();
        String plain = "whsec_" + UUID.randomUUID().toString().replace("-", "");
        db.preparedQuery("""
                insert into webhook_source (id, name, enabled, mapping, defaults, secret, secret_rotated_at, created_at, updated_at)
                values ($1, 'legacy', true, '{"email":"/email"}'::jsonb, '{}'::jsonb, $2, now(), now(), now())""")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(legacy, plain)).await().atMost(java.time.Duration.ofSeconds(10));
        secretsAtRest.encryptStoredSecrets(null);

        assertThat(storedSecret(legacy)).startsWith("aesgcm1:").doesNotContain(plain.substring("whsec_".length()));
        as(TestTokens.admin()).when().get(BASE + legacy).then().statusCode(200)
                .body("secretHint", is("whsec_..." + plain.substring(plain.length() - 4)));
    }
}
