package io.leadflow.messaging.testing;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * Sends many events at once through one producer, keyed by lead id, with the headers the Debezium outbox router sets:
 * the load of consumer benchmarks (one producer per event, as {@link TopicProbe#send} does, would measure the producer).
 */
public final class EventBurst {

    private EventBurst() {
    }

    /** Sends every event (each with its {@code leadId} and {@code eventId}) and waits until all are acknowledged. */
    public static void send(String bootstrap, String topic, String eventType, List<? extends JsonNode> events) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap, ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new StringSerializer())) {
            for (JsonNode event : events) {
                ProducerRecord<String, String> record = new ProducerRecord<>(topic, event.get("leadId").asText(), event.toString());
                record.headers().add("id", event.get("eventId").asText().getBytes(StandardCharsets.UTF_8));
                record.headers().add("eventType", eventType.getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            }
            producer.flush();
        }
    }

    /**
     * A consumer benchmark's measure: sends the burst, waits until {@code countSince} (a count query taking the start
     * time as {@code $1}, e.g. rows written since) reaches its size, and prints how many per second the consumer did.
     */
    public static void measure(String bootstrap, String topic, String eventType, List<? extends JsonNode> events, Pool db,
                               String countSince, String what) {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC);
        long sendStart = System.nanoTime();
        send(bootstrap, topic, eventType, events);
        double sendSeconds = (System.nanoTime() - sendStart) / 1e9;
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200)).until(() -> db.preparedQuery(countSince)
                .execute(Tuple.of(start)).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0) >= events.size());
        double seconds = (System.nanoTime() - sendStart) / 1e9;
        System.out.printf("%n%s: %,d events in %.1f s (%,.0f events/s; the burst took %.1f s to send)%n%n",
                what, events.size(), seconds, events.size() / seconds, sendSeconds);
    }
}
