package io.leadflow.messaging.testing;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

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
}
