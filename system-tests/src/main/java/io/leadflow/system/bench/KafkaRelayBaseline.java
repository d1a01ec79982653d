package io.leadflow.system.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The floor Leadflow is compared with: records relayed over the same number of Kafka hops by bare
 * consumers and producers (no database, no outbox), on the same broker, at the same rate.
 */
public final class KafkaRelayBaseline {

    private final String bootstrap;
    private final int hops;

    public KafkaRelayBaseline(String bootstrap, int hops) {
        this.bootstrap = bootstrap;
        this.hops = hops;
    }

    /** Sends {@code count} records at {@code perSecond} through {@code hops} topics; returns each record's end-to-end nanos. */
    public long[] run(int count, double perSecond, Duration deadline) throws Exception {
        String run = "bench.relay." + UUID.randomUUID().toString().substring(0, 8);
        List<String> topics = new ArrayList<>();
        for (int i = 0; i < hops; i++) {
            topics.add(run + ".hop" + i);
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(topics.stream().map(t -> new NewTopic(t, 6, (short) 1)).toList()).all().get(30, TimeUnit.SECONDS);
            try {
                return relay(topics, count, perSecond, deadline);
            } finally {
                admin.deleteTopics(topics).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    private long[] relay(List<String> topics, int count, double perSecond, Duration deadline) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        CountDownLatch done = new CountDownLatch(count);
        CountDownLatch assigned = new CountDownLatch(topics.size());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < topics.size(); i++) {
            String from = topics.get(i);
            String to = i + 1 < topics.size() ? topics.get(i + 1) : null;
            Thread t = new Thread(() -> forward(from, to, running, assigned, latencies, done), "relay-" + i);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        if (!assigned.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("relay consumers did not get their partitions");
        }
        try (KafkaProducer<String, String> producer = producer()) {
            long intervalNanos = (long) (1_000_000_000d / perSecond);
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long due = start + i * intervalNanos;
                for (long now = System.nanoTime(); now < due; now = System.nanoTime()) {
                    LockSupport.parkNanos(due - now);
                }
                producer.send(new ProducerRecord<>(topics.get(0), UUID.randomUUID().toString(), Long.toString(System.nanoTime())));
            }
            producer.flush();
            done.await(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            running.set(false);
            for (Thread t : threads) {
                t.join(5_000);
            }
        }
        return latencies.stream().mapToLong(Long::longValue).toArray();
    }

    private void forward(String from, String to, AtomicBoolean running, CountDownLatch assigned,
                         ConcurrentLinkedQueue<Long> latencies, CountDownLatch done) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, from + ".relay",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer());
             KafkaProducer<String, String> producer = to == null ? null : producer()) {
            consumer.subscribe(List.of(from));
            boolean counted = false;
            while (running.get()) {
                var records = consumer.poll(Duration.ofMillis(50));
                if (!counted && !consumer.assignment().isEmpty()) {
                    assigned.countDown();
                    counted = true;
                }
                for (ConsumerRecord<String, String> record : records) {
                    if (producer != null) {
                        producer.send(new ProducerRecord<>(to, record.key(), record.value()));
                    } else {
                        latencies.add(System.nanoTime() - Long.parseLong(record.value()));
                        done.countDown();
                    }
                }
                if (!records.isEmpty()) {
                    consumer.commitAsync();
                }
            }
        }
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.LINGER_MS_CONFIG, "0"), new StringSerializer(), new StringSerializer());
    }
}
