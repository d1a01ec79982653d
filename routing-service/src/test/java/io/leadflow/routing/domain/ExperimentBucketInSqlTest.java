package io.leadflow.routing.domain;

import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.routing.RoutingFixtures;
import io.leadflow.routing.rules.Experiment;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The SQL that the README gives for a lead's experiment bucket agrees with the Java that decides it. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "routing"))
class ExperimentBucketInSqlTest {

    private static final String BUCKET = "select mod(('x' || lpad(substr(encode(sha256(convert_to($1 || ':' || $2, "
            + "'UTF8')), 'hex'), 1, 8), 16, '0'))::bit(64)::bigint, 100)::int";

    @Inject
    Pool db;

    @Test
    void postgresComputesTheSameBucketAsTheRules() {
        for (int i = 0; i < 50; i++) {
            String leadId = UUID.randomUUID().toString();
            int sql = RoutingFixtures.rows(db, BUCKET, "owner-vs-pool", leadId).get(0).getInteger(0);
            assertThat(sql).as(leadId).isEqualTo(Experiment.bucket("owner-vs-pool", leadId));
        }
    }
}
