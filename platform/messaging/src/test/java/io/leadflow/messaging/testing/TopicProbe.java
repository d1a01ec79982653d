package io.leadflow.messaging.testing;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Test access to real topics: send a record as the outbox relay would (key, id and eventType
 * headers), and wait, with a deadline, for records that match a condition.
 */
public final class TopicProbe implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    private TopicProbe(String bootstrap, List<String> topics) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(topics);
    }

    /** Reads the topics from their beginning; match records by a key that is unique to the test. */
    public static TopicProbe on(String bootstrap, String... topics) {
        return new TopicProbe(bootstrap, List.of(topics));
    }

    /** Waits until {@code count} records match, and returns them in the order read. */
    public List<ConsumerRecord<String, String>> await(Predicate<ConsumerRecord<String, String>> match, int count, Duration deadline) {
        Instant end = Instant.now().plus(deadline);
        while (true) {
            List<ConsumerRecord<String, String>> matching = seen.stream().filter(match).toList();
            if (matching.size() >= count) {
                return matching;
            }
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("expected " + count + " matching record(s) within " + deadline + ", saw "
                        + matching.size() + " (of " + seen.size() + " read)");
            }
            consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
        }
    }

    public ConsumerRecord<String, String> awaitOne(Predicate<ConsumerRecord<String, String>> match, Duration deadline) {
        return await(match, 1, deadline).get(0);
    }

    /** Every record read so far that matches. */
    public List<ConsumerRecord<String, String>> seen(Predicate<ConsumerRecord<String, String>> match) {
        consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
        return seen.stream().filter(match).toList();
    }

    public static Predicate<ConsumerRecord<String, String>> keyed(String key) {
        return r -> key.equals(r.key());
    }

    public static Predicate<ConsumerRecord<String, String>> keyed(String key, String eventType) {
        return r -> key.equals(r.key()) && eventType.equals(header(r, "eventType"));
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Sends one record with the headers the Debezium outbox router sets. */
    public static void send(String bootstrap, String topic, String key, String eventId, String eventType, String value) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            if (eventId != null) {
                record.headers().add("id", eventId.getBytes(StandardCharsets.UTF_8));
            }
            if (eventType != null) {
                record.headers().add("eventType", eventType.getBytes(StandardCharsets.UTF_8));
            }
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
