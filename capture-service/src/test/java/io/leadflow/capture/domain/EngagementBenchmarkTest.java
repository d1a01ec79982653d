package io.leadflow.capture.domain;

import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.localstack.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Throughput of batched engagement posts on the local stack: an e-mail tool reporting opens and clicks, 100 events a
 * request, 4 clients at once; the events of a request concern 1 lead, then 10 (one LeadEngaged outbox row per lead per
 * request). Prints events/s; asserts only that everything was stored and announced once per lead per request. A
 * figure, not a limit: the machine is shared.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "capture"))
class EngagementBenchmarkTest {

    private static final int CLIENTS = 4;
    private static final int REQUESTS_PER_CLIENT = 20;
    private static final int EVENTS_PER_REQUEST = 100;

    @Inject
    Pool db;

    private long count(String sql, Object... params) {
        return db.preparedQuery(sql).execute(Tuple.from(params)).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    @Test
    void batchedPostsOfAHundredEventsOfOneLead() throws Exception {
        run(1);
    }

    @Test
    void batchedPostsOfAHundredEventsOfTenLeads() throws Exception {
        run(10);
    }

    private void run(int leads) throws Exception {
        String domain = "bench-" + UUID.randomUUID().toString().substring(0, 8) + ".com";
        List<String> emails = IntStream.range(0, leads).mapToObj(i -> "lead" + i + "@" + domain).toList();
        emails.forEach(email -> given().contentType("application/json").body("{\"email\":\"" + email + "\"}")
                .when().post("/api/v1/leads").then().statusCode(202));
        String token = TestTokens.integration();
        String body = IntStream.range(0, EVENTS_PER_REQUEST)
                .mapToObj(i -> "{\"type\":\"" + (i % 2 == 0 ? "email_open" : "email_click") + "\",\"email\":\"" + emails.get(i % leads)
                        + "\",\"url\":\"https://www.acme.com/l/" + i + "\",\"utm\":{\"campaign\":\"bench\"},\"detail\":{\"emailId\":\"nl-" + i + "\"}}")
                .collect(Collectors.joining(",", "{\"events\":[", "]}"));
        // Warm-up: the first requests pay for class loading and statement preparation.
        for (int i = 0; i < 5; i++) {
            post(token, body);
        }

        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Callable<Void>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(() -> {
                    for (int r = 0; r < REQUESTS_PER_CLIENT; r++) {
                        post(token, body);
                    }
                    return null;
                });
            }
            long start = System.nanoTime();
            for (Future<Void> f : pool.invokeAll(clients)) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            int events = CLIENTS * REQUESTS_PER_CLIENT * EVENTS_PER_REQUEST;
            System.out.printf("engagement benchmark: %d events in %d requests of %d (%d leads each), %d clients: %.2f s,"
                            + " %.0f events/s, %.0f requests/s%n", events, CLIENTS * REQUESTS_PER_CLIENT, EVENTS_PER_REQUEST,
                    leads, CLIENTS, seconds, events / seconds, CLIENTS * REQUESTS_PER_CLIENT / seconds);
        } finally {
            pool.shutdownNow();
        }

        int requests = CLIENTS * REQUESTS_PER_CLIENT + 5;
        assertThat(count("select count(*) from engagement where email_key like $1 and lead_id is not null", "%@" + domain))
                .isEqualTo((long) requests * EVENTS_PER_REQUEST);
        assertThat(count("select count(*) from outbox o join lead l on o.aggregateid = l.id::text"
                + " where o.type = 'LeadEngaged' and l.email_key like $1", "%@" + domain)).isEqualTo((long) requests * leads);
    }

    private static void post(String token, String body) {
        given().auth().oauth2(token).contentType("application/json").body(body)
                .when().post("/api/v1/engagement").then().statusCode(202);
    }
}
