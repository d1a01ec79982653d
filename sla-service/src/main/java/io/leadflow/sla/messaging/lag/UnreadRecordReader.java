package io.leadflow.sla.messaging.lag;

import io.leadflow.sla.domain.ConsumerLag;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the timestamp of the first record at or after given offsets, with one long-lived consumer that has no group
 * and never commits: assign, seek, poll until each partition has shown a record. Partitions needing several offsets
 * (several lagging groups) take one round per offset. Not thread-safe: one caller at a time.
 */
final class UnreadRecordReader implements AutoCloseable {

    private static final Duration MAX_POLL = Duration.ofMillis(200);

    private final Map<String, Object> config;
    private KafkaConsumer<byte[], byte[]> consumer;

    UnreadRecordReader(String bootstrap, int requestTimeoutMs) {
        this.config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.CLIENT_ID_CONFIG, "sla-service-lag-age",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // An offset retention has deleted: the oldest record still kept is the oldest unconsumed one.
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100,
                // Only the first record of each partition is wanted; a fetch still returns at least one batch.
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50,
                ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, requestTimeoutMs,
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, requestTimeoutMs);
    }

    /**
     * The first record at or after each wanted offset, as far as found before {@code deadline}; offsets whose record
     * was not seen in time are left out (their age is unknown).
     *
     * @param wanted the offsets to read, per partition
     */
    List<ConsumerLag.Unread> read(Map<TopicPartition, ? extends Set<Long>> wanted, Instant deadline) {
        Map<TopicPartition, NavigableSet<Long>> pending = new HashMap<>();
        wanted.forEach((partition, offsets) -> {
            if (!offsets.isEmpty()) {
                pending.put(partition, new TreeSet<>(offsets));
            }
        });
        List<ConsumerLag.Unread> found = new ArrayList<>();
        if (pending.isEmpty()) {
            return found;
        }
        KafkaConsumer<byte[], byte[]> reader = consumer();
        try {
            while (!pending.isEmpty() && Instant.now().isBefore(deadline)) {
                Map<TopicPartition, Long> round = new HashMap<>();
                pending.forEach((partition, offsets) -> round.put(partition, offsets.pollFirst()));
                pending.values().removeIf(Set::isEmpty);
                found.addAll(readRound(reader, round, deadline));
            }
        } finally {
            reader.assign(List.of());
        }
        return found;
    }

    private static List<ConsumerLag.Unread> readRound(KafkaConsumer<byte[], byte[]> reader, Map<TopicPartition, Long> seekTo,
                                                      Instant deadline) {
        reader.assign(seekTo.keySet());
        seekTo.forEach(reader::seek);
        Set<TopicPartition> waiting = new HashSet<>(seekTo.keySet());
        List<ConsumerLag.Unread> found = new ArrayList<>();
        while (!waiting.isEmpty()) {
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                break;
            }
            ConsumerRecords<byte[], byte[]> records = reader.poll(left.compareTo(MAX_POLL) < 0 ? left : MAX_POLL);
            for (TopicPartition partition : records.partitions()) {
                if (waiting.remove(partition)) {
                    ConsumerRecord<byte[], byte[]> first = records.records(partition).get(0);
                    found.add(new ConsumerLag.Unread(partition.topic(), partition.partition(), seekTo.get(partition),
                            Instant.ofEpochMilli(first.timestamp())));
                    reader.pause(List.of(partition));
                }
            }
        }
        return found;
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        if (consumer == null) {
            consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        }
        return consumer;
    }

    /** Closes the consumer, unless a sample still uses it at shutdown (then it goes with the JVM). */
    @Override
    public void close() {
        KafkaConsumer<byte[], byte[]> open = consumer;
        if (open != null) {
            try {
                open.close(CloseOptions.timeout(Duration.ofSeconds(2)));
            } catch (java.util.ConcurrentModificationException e) {
                // The sampler's thread still holds it.
            }
            consumer = null;
        }
    }
}
