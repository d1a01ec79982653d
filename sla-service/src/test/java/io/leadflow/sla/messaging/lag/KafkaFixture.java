package io.leadflow.sla.messaging.lag;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Test topics and consumer groups on the test stack's broker: create a topic, produce to chosen partitions (with
 * chosen timestamps), let a group consume a given number of records per partition and commit after them.
 */
final class KafkaFixture implements AutoCloseable {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private final String bootstrap;
    private final Admin admin;
    private final KafkaProducer<String, String> producer;

    KafkaFixture(String bootstrap) {
        this.bootstrap = bootstrap;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    Admin admin() {
        return admin;
    }

    void createTopic(String topic, int partitions) throws Exception {
        admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
    }

    /** Sends {@code count} records to one partition, timestamped now. */
    void produce(String topic, int partition, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            produce(topic, partition, Instant.now(), "record-" + i);
        }
    }

    /** Sends one record to one partition with an explicit (CreateTime) timestamp. */
    void produce(String topic, int partition, Instant timestamp, String value) throws Exception {
        producer.send(new ProducerRecord<>(topic, partition, timestamp.toEpochMilli(), value, value)).get(30, TimeUnit.SECONDS);
    }

    /**
     * Group {@code group} reads the first {@code consumed.get(p)} records of each partition p of {@code topic} from the
     * beginning, then commits the offset after the last one read.
     */
    void consumeAndCommit(String group, String topic, Map<Integer, Integer> consumed) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumed.keySet().stream().map(p -> new TopicPartition(topic, p)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> nextOffset = new HashMap<>();
            Instant end = Instant.now().plus(DEADLINE);
            while (partitions.stream().anyMatch(p -> nextOffset.getOrDefault(p, 0L) < consumed.get(p.partition()))) {
                if (Instant.now().isAfter(end)) {
                    throw new AssertionError("group " + group + " did not read " + consumed + " of " + topic + " within "
                            + DEADLINE + "; read up to " + nextOffset);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < consumed.get(record.partition())) {
                        nextOffset.merge(partition, record.offset() + 1, Math::max);
                    }
                }
            }
            Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
            nextOffset.forEach((partition, offset) -> commit.put(partition, new OffsetAndMetadata(offset)));
            consumer.commitSync(commit, DEADLINE);
        }
    }

    static Map<Integer, Integer> counts(int... perPartition) {
        Map<Integer, Integer> counts = new HashMap<>();
        IntStream.range(0, perPartition.length).forEach(p -> counts.put(p, perPartition[p]));
        return counts;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }
}
