package io.leadflow.capture.repository;

import io.leadflow.messaging.testing.Sql;
import io.leadflow.localstack.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Retention of engagement data: waiting events of people who never became leads, and request keys. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "capture"))
class EngagementJanitorTest {

    @Inject
    Pool db;

    @Inject
    EngagementJanitor janitor;

    private List<Row> rows(String sql, Object... params) {
        return Sql.rows(db, sql, params);
    }

    private UUID event(UUID leadId, String visitorId, OffsetDateTime occurredAt) {
        UUID id = UUID.randomUUID();
        rows("""
                insert into engagement (id, lead_id, visitor_id, type, occurred_at, received_at, linked_at, source)
                values ($1, $2, $3, 'page_view', $4, $4, case when $2::uuid is null then null else $4 end, 'browser')""",
                id, leadId, visitorId, occurredAt);
        return id;
    }

    @Test
    void waitingEventsAndRequestKeysPastTheirRetentionGoAndLinkedOrRecentOnesStay() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        UUID leadId = UUID.fromString(given().contentType("application/json")
                .body("{\"email\":\"ada@" + UUID.randomUUID() + ".example.com\",\"firstName\":\"Ada\"}")
                .when().post("/api/v1/leads").then().statusCode(202).extract().path("leadId"));
        String visitor = UUID.randomUUID().toString();
        UUID oldWaiting = event(null, visitor, now.minusDays(91));
        UUID recentWaiting = event(null, visitor, now.minusDays(89));
        UUID oldLinked = event(leadId, visitor, now.minusDays(400));
        String source = "integration:" + UUID.randomUUID();
        rows("insert into engagement_request (source, key, request_sha256, accepted, created_at) values ($1, 'old', $2, 1, $3), ($1, 'new', $2, 1, $4)",
                source, "0".repeat(64), now.minusDays(8), now.minusDays(6));

        janitor.purge().await().atMost(Duration.ofSeconds(30));

        assertThat(rows("select id from engagement where id = any($1)", (Object) new UUID[]{oldWaiting, recentWaiting, oldLinked}))
                .extracting(row -> row.getUUID(0)).containsExactlyInAnyOrder(recentWaiting, oldLinked);
        assertThat(rows("select key from engagement_request where source = $1", source)).extracting(row -> row.getString(0))
                .containsExactly("new");
    }
}
