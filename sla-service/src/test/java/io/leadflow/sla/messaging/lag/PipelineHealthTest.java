package io.leadflow.sla.messaging.lag;

import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.localstack.TestTokens;
import io.leadflow.sla.config.SlaConfig;
import io.leadflow.sla.domain.ConsumerLag;
import io.leadflow.sla.domain.DeadLetterDepth;
import io.leadflow.sla.domain.LagStatus;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The sampler against the real broker: lag in seconds, stalled consumers, dead-letter depth, ignored groups, and
 * the gauges. Samples are taken directly ({@link LagSampler#sample()}), not awaited from the timer.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "sla"))
class PipelineHealthTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    LagSampler sampler;
    @Inject
    SlaConfig config;

    private KafkaFixture kafka;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void connect() {
        kafka = new KafkaFixture(bootstrap);
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    private LagSampler.Health sample() {
        return sampler.sample().await().atMost(DEADLINE);
    }

    @Test
    void lagInSecondsIsTheAgeOfTheOldestUnconsumedRecord() throws Exception {
        String topic = "age-" + run;
        kafka.createTopic(topic, 2);
        Instant now = Instant.now();
        Instant secondRecord = now.minusSeconds(90);
        kafka.produce(topic, 0, now.minusSeconds(120), "a");
        kafka.produce(topic, 0, secondRecord, "b");
        kafka.produce(topic, 0, now.minusSeconds(60), "c");
        kafka.produce(topic, 0, now.minusSeconds(30), "d");
        kafka.produce(topic, 1, now.minusSeconds(45), "e");
        kafka.consumeAndCommit("age-" + run, topic, KafkaFixture.counts(1, 1));

        LagSampler.Health health = sample();

        ConsumerLag.GroupLag group = group(health, "age-" + run).orElseThrow();
        ConsumerLag.PartitionLag waiting = group.topics().get(0).partitions().get(0);
        assertThat(waiting.lag()).isEqualTo(3);
        double expected = Duration.between(secondRecord, health.lag().measuredAt()).toMillis() / 1000.0;
        assertThat(waiting.lagSeconds()).isCloseTo(expected, within(0.001)).isBetween(90.0, 90.0 + DEADLINE.toSeconds());
        assertThat(group.topics().get(0).partitions().get(1).lagSeconds()).as("caught up: no age").isEqualTo(0.0);
        assertThat(group.lagSeconds()).isEqualTo(waiting.lagSeconds());

        // The endpoint and the gauge show the latest sample, which the background sampler may have taken after ours:
        // the age is measured against that sample's own time.
        JsonPath json = getJson("/api/v1/ops/lag");
        String partitions = "groups.find { it.group == 'age-" + run + "' }.topics[0].partitions";
        double served = Duration.between(secondRecord, Instant.parse(json.getString("measuredAt"))).toMillis() / 1000.0;
        assertThat(json.getDouble(partitions + "[0].lagSeconds")).isCloseTo(served, within(0.01));
        assertThat(json.getString(partitions + "[0].status")).isEqualTo("OK");
        assertThat(metric("leadflow_kafka_consumer_lag_seconds", "age-" + run, topic, 0)).get()
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.DOUBLE)
                .isBetween(expected - 0.01, 90.0 + DEADLINE.toSeconds());
        assertThat(metric("leadflow_kafka_consumer_lag_records", "age-" + run, topic, 0)).hasValue(3.0);
        assertThat(metricLine("leadflow_kafka_lag_sample_seconds_count", Map.of("outcome", "ok")))
                .get().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.DOUBLE).isPositive();
    }

    @Test
    void aGroupThatStopsCommittingWhileRecordsWaitIsStalledUntilItConsumesAgain() throws Exception {
        String topic = "stall-" + run;
        String group = "stall-" + run;
        kafka.createTopic(topic, 1);
        kafka.produce(topic, 0, 3);
        kafka.consumeAndCommit(group, topic, KafkaFixture.counts(3));
        assertThat(status(sample(), group)).isEqualTo(LagStatus.OK);
        kafka.produce(topic, 0, 2);

        LagStatus status = LagStatus.OK;
        for (int i = 0; i < config.ops().stallSamples(); i++) {
            status = status(sample(), group);
        }

        assertThat(status).isEqualTo(LagStatus.STALLED);
        JsonPath json = getJson("/api/v1/ops/lag");
        assertThat(json.getString("groups.find { it.group == '" + group + "' }.status")).isEqualTo("STALLED");
        assertThat(json.getString("groups.find { it.group == '" + group + "' }.topics[0].partitions[0].status"))
                .isEqualTo("STALLED");
        assertThat(metric("leadflow_kafka_consumer_stalled", group, topic, 0)).hasValue(1.0);

        kafka.consumeAndCommit(group, topic, KafkaFixture.counts(5));
        LagSampler.Health recovered = sample();
        assertThat(status(recovered, group)).isEqualTo(LagStatus.OK);
        assertThat(group(recovered, group).orElseThrow().lag()).isZero();
        assertThat(metric("leadflow_kafka_consumer_stalled", group, topic, 0)).hasValue(0.0);
    }

    @Test
    void deadLetterDepthCountsTheRecordsStillKept() throws Exception {
        String topic = "ops-" + run + ".probe.dlq";
        kafka.createTopic(topic, 2);
        kafka.produce(topic, 0, 3);
        kafka.produce(topic, 1, 2);
        assertThat(depth(sample(), topic)).isEqualTo(5);

        kafka.admin().deleteRecords(Map.of(new TopicPartition(topic, 0), RecordsToDelete.beforeOffset(2)))
                .all().get(30, TimeUnit.SECONDS);
        assertThat(depth(sample(), topic)).isEqualTo(3);

        JsonPath json = getJson("/api/v1/ops/dlq");
        String found = "topics.find { it.topic == '" + topic + "' }";
        assertThat(json.getLong(found + ".depth")).isEqualTo(3);
        assertThat(json.getList(found + ".partitions.start", Long.class)).containsExactly(2L, 0L);
        assertThat(json.getList(found + ".partitions.end", Long.class)).containsExactly(3L, 2L);
        assertThat(json.getString("measuredAt")).isNotBlank();
        assertThat(metricLine("leadflow_kafka_dlq_depth", Map.of("topic", topic))).hasValue(3.0);
        assertThat(depth(sample(), "stall-" + run)).as("not a dead-letter topic").isEqualTo(-1);
    }

    @Test
    void ignoredGroupsAreLeftOutAndVanishedGroupsStopReporting() throws Exception {
        String topic = "groups-" + run;
        String inbox = config.ops().ignoredGroupPrefixes().get(0) + run;
        String gone = "gone-" + run;
        kafka.createTopic(topic, 1);
        kafka.produce(topic, 0, 4);
        kafka.consumeAndCommit(inbox, topic, KafkaFixture.counts(1));
        kafka.consumeAndCommit(gone, topic, KafkaFixture.counts(2));

        LagSampler.Health health = sample();
        assertThat(group(health, inbox)).as("ignored").isEmpty();
        assertThat(group(health, gone)).isPresent();
        assertThat(metric("leadflow_kafka_consumer_lag_records", gone, topic, 0)).hasValue(2.0);

        kafka.admin().deleteConsumerGroups(List.of(gone)).all().get(30, TimeUnit.SECONDS);
        assertThat(group(sample(), gone)).isEmpty();
        assertThat(metric("leadflow_kafka_consumer_lag_records", gone, topic, 0)).as("no stale gauge").isEmpty();
        assertThat(metric("leadflow_kafka_consumer_lag_records", inbox, topic, 0)).isEmpty();
    }

    @Test
    void theDeadLetterEndpointNeedsARevOpsOrAdminToken() {
        given().when().get("/api/v1/ops/dlq").then().statusCode(401);
        given().auth().oauth2(TestTokens.sdr("sdr-1")).when().get("/api/v1/ops/dlq").then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/ops/dlq").then().statusCode(200);
    }

    private static JsonPath getJson(String path) {
        return given().auth().oauth2(TestTokens.revops()).when().get(path).then().statusCode(200).extract().jsonPath();
    }

    private static Optional<ConsumerLag.GroupLag> group(LagSampler.Health health, String group) {
        return health.lag().groups().stream().filter(g -> g.group().equals(group)).findFirst();
    }

    private static LagStatus status(LagSampler.Health health, String group) {
        return group(health, group).orElseThrow(() -> new AssertionError("group " + group + " not in the sample")).status();
    }

    private static long depth(LagSampler.Health health, String topic) {
        return health.deadLetters().topics().stream().filter(t -> t.topic().equals(topic))
                .mapToLong(DeadLetterDepth.TopicDepth::depth).findFirst().orElse(-1);
    }

    private static Optional<Double> metric(String name, String group, String topic, int partition) {
        return metricLine(name, Map.of("group", group, "topic", topic, "partition", Integer.toString(partition)));
    }

    /** The value of the Prometheus sample {@code name} with exactly these labels in /q/metrics, if there is one. */
    private static Optional<Double> metricLine(String name, Map<String, String> labels) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Pattern line = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE);
        Matcher matcher = line.matcher(metrics);
        while (matcher.find()) {
            Map<String, String> found = new java.util.HashMap<>();
            Matcher label = Pattern.compile("(\\w+)=\"([^\"]*)\"").matcher(matcher.group(1));
            while (label.find()) {
                found.put(label.group(1), label.group(2));
            }
            if (found.equals(labels)) {
                return Optional.of(Double.parseDouble(matcher.group(2)));
            }
        }
        return Optional.empty();
    }
}
