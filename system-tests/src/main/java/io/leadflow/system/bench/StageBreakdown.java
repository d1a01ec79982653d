package io.leadflow.system.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Where the time goes, per stage of the pipeline, read back from the topics after a run. For each
 * event: "work" is from the record that caused it reaching Kafka to the event's commit in the
 * service ({@code occurredAt} in the payload: consumer fetch, inbox, business change, outbox), and
 * "relay" is from that commit to the record's timestamp in Kafka (Debezium reading the WAL and
 * producing). Record timestamps are the relay's CreateTime; all clocks are this machine's.
 */
final class StageBreakdown {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The stages from capture to assignment: event type and topic, in pipeline order. */
    private static final List<String[]> STAGES = List.of(
            new String[]{"LeadCaptured", "leads.capture.v1"},
            new String[]{"LeadEnriched", "leads.enrichment.v1"},
            new String[]{"LeadScored", "leads.scoring.v1"},
            new String[]{"LeadAssigned", "leads.routing.v1"});

    private record Seen(long occurredAtNanos, long relayedAtNanos) {
    }

    private StageBreakdown() {
    }

    /** Prints, for the given leads, work and relay latency of each stage. */
    static void print(String bootstrap, Set<String> leadIds) {
        Map<String, Map<String, Seen>> byType = readAll(bootstrap);
        System.out.println("where the time goes (per lead, from the topics):");
        String previous = null;
        for (String[] stage : STAGES) {
            Map<String, Seen> seen = byType.getOrDefault(stage[0], Map.of());
            List<Long> work = new ArrayList<>();
            List<Long> relay = new ArrayList<>();
            for (String lead : leadIds) {
                Seen event = seen.get(lead);
                if (event == null) {
                    continue;
                }
                relay.add(event.relayedAtNanos() - event.occurredAtNanos());
                Seen cause = previous == null ? null : byType.getOrDefault(previous, Map.of()).get(lead);
                if (cause != null) {
                    work.add(event.occurredAtNanos() - cause.relayedAtNanos());
                }
            }
            if (previous != null) {
                System.out.printf("  %-13s work  (consume + transaction) %s%n", stage[0], stats(work).line());
            }
            System.out.printf("  %-13s relay (commit -> Kafka)         %s%n", stage[0], stats(relay).line());
            previous = stage[0];
        }
    }

    private static LatencyStats stats(List<Long> nanos) {
        return LatencyStats.of(nanos.stream().mapToLong(Long::longValue).toArray());
    }

    private static Map<String, Map<String, Seen>> readAll(String bootstrap) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<String, Map<String, Seen>> byType = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String[] stage : STAGES) {
                consumer.partitionsFor(stage[1]).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    try {
                        JsonNode payload = JSON.readTree(record.value());
                        Instant occurredAt = Instant.parse(payload.path("occurredAt").asText());
                        byType.computeIfAbsent(payload.path("eventType").asText(), t -> new HashMap<>())
                                .putIfAbsent(record.key(), new Seen(nanos(occurredAt), record.timestamp() * 1_000_000L));
                    } catch (Exception notAnEvent) {
                        // heartbeats or foreign records: not part of the breakdown
                    }
                }
            }
        }
        return byType;
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
