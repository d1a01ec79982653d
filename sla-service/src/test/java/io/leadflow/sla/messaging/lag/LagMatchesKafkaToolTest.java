package io.leadflow.sla.messaging.lag;

import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.localstack.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.tools.consumer.group.ConsumerGroupCommand;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's lag figures are Kafka's own: a group consumes part of a three-partition topic, then
 * {@code kafka-consumer-groups --describe} (ConsumerGroupCommand, run in-process on the same broker) and
 * {@code GET /api/v1/ops/lag} must agree on CURRENT-OFFSET, LOG-END-OFFSET and LAG for every partition.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "sla"))
class LagMatchesKafkaToolTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    LagSampler sampler;

    /** One row of the tool's describe table. */
    record ToolRow(String topic, int partition, long currentOffset, long logEndOffset, long lag) {
    }

    @Test
    void committedEndAndLagEqualTheConsumerGroupsTool() throws Exception {
        String topic = "lag-check-" + UUID.randomUUID();
        String group = "lag-check-" + UUID.randomUUID();
        try (KafkaFixture kafka = new KafkaFixture(bootstrap)) {
            kafka.createTopic(topic, 3);
            kafka.produce(topic, 0, 10);
            kafka.produce(topic, 1, 7);
            kafka.produce(topic, 2, 5);
            kafka.consumeAndCommit(group, topic, KafkaFixture.counts(4, 7, 1));
        }

        sampler.sample().await().atMost(DEADLINE);
        JsonPath lag = given().auth().oauth2(TestTokens.revops()).when().get("/api/v1/ops/lag")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> partitions = lag.getList(
                "groups.find { it.group == '" + group + "' }.topics.find { it.topic == '" + topic + "' }.partitions");

        List<ToolRow> tool = describe(group);

        assertThat(tool).extracting(ToolRow::topic).containsOnly(topic);
        assertThat(tool).extracting(ToolRow::partition).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(partitions).hasSize(tool.size());
        for (ToolRow row : tool) {
            Map<String, Object> ours = partitions.stream()
                    .filter(p -> ((Number) p.get("partition")).intValue() == row.partition()).findFirst().orElseThrow();
            assertThat(((Number) ours.get("committed")).longValue()).as("CURRENT-OFFSET of partition %d", row.partition())
                    .isEqualTo(row.currentOffset());
            assertThat(((Number) ours.get("end")).longValue()).as("LOG-END-OFFSET of partition %d", row.partition())
                    .isEqualTo(row.logEndOffset());
            assertThat(((Number) ours.get("lag")).longValue()).as("LAG of partition %d", row.partition())
                    .isEqualTo(row.lag());
        }
        // And the figures are the ones this test made.
        assertThat(tool).extracting(ToolRow::lag).containsExactlyInAnyOrder(6L, 0L, 4L);
    }

    /** Runs {@code kafka-consumer-groups.sh --bootstrap-server X --describe --group G} in-process and parses its table. */
    private List<ToolRow> describe(String group) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        Exit.setExitProcedure((status, message) -> {
            throw new AssertionError("the consumer-groups tool exited with " + status + ": " + message);
        });
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            ConsumerGroupCommand.main(new String[]{"--bootstrap-server", bootstrap, "--describe", "--group", group});
        } finally {
            System.setOut(original);
            Exit.resetExitProcedure();
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        List<String> lines = output.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
        List<String> header = lines.stream().filter(l -> l.startsWith("GROUP ")).findFirst()
                .map(l -> Arrays.asList(l.split("\\s+")))
                .orElseThrow(() -> new AssertionError("no table in the tool's output:\n" + output));
        int topic = header.indexOf("TOPIC");
        int partition = header.indexOf("PARTITION");
        int current = header.indexOf("CURRENT-OFFSET");
        int end = header.indexOf("LOG-END-OFFSET");
        int lag = header.indexOf("LAG");
        assertThat(List.of(topic, partition, current, end, lag)).as("columns in " + header).doesNotContain(-1);
        List<ToolRow> rows = new ArrayList<>();
        for (String line : lines) {
            String[] cells = line.split("\\s+");
            if (cells.length >= header.size() - 3 && cells[0].equals(group)) {
                rows.add(new ToolRow(cells[topic], Integer.parseInt(cells[partition]), Long.parseLong(cells[current]),
                        Long.parseLong(cells[end]), Long.parseLong(cells[lag])));
            }
        }
        assertThat(rows).as("rows of the tool's output:\n" + output).isNotEmpty();
        return rows;
    }
}
