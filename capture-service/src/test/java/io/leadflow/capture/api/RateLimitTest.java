package io.leadflow.capture.api;

import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.localstack.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Anonymous posts share a small per-address budget; an integration token has its own, larger one. */
@QuarkusTest
@TestProfile(RateLimitTest.TightLimits.class)
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "capture"))
class RateLimitTest {

    public static class TightLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("leadflow.capture.rate-limit.per-second", "0.5", "leadflow.capture.rate-limit.burst", "3",
                    "leadflow.capture.rate-limit.integration-per-second", "0.5",
                    "leadflow.capture.rate-limit.integration-burst", "20");
        }
    }

    // An empty object is refused by validation (400) after the limiter let it through: nothing is stored.
    private static List<Response> post(int times, String token) {
        List<Response> answers = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            var request = given().contentType("application/json").body("{}");
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            answers.add(request.when().post("/api/v1/leads"));
        }
        return answers;
    }

    @Test
    void anAddressOverItsBudgetGetsA429WithRetryAfterWhileAnIntegrationGoesOn() {
        List<Response> anonymous = post(6, null);
        List<Response> limited = anonymous.stream().filter(r -> r.statusCode() == 429).toList();
        assertThat(limited).as("anonymous answers %s", anonymous.stream().map(Response::statusCode).toList()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(limited.get(0).header("Retry-After")).isNotBlank();
        assertThat(limited.get(0).contentType()).contains("application/problem+json");

        List<Response> integration = post(10, TestTokens.integration());
        assertThat(integration).extracting(Response::statusCode).doesNotContain(429).containsOnly(400);
    }
}
