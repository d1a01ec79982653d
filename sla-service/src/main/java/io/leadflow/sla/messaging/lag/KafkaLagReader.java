package io.leadflow.sla.messaging.lag;

import io.leadflow.sla.config.SlaConfig;
import io.leadflow.sla.domain.ConsumerLag;
import io.leadflow.sla.domain.DeadLetterDepth;
import io.smallrye.mutiny.TimeoutException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Reads the pipeline's health from the brokers, blocking, within {@code leadflow.sla.ops.lag-timeout}: with one
 * shared Admin client the consumer groups (less the ignored ones), their committed offsets, the end offsets of those
 * partitions and the offset range of every dead-letter topic; with one group-less consumer the timestamp of each
 * lagging group's oldest unconsumed record. Groups that never committed are left out. One caller at a time (the
 * {@link LagSampler}'s thread).
 */
@ApplicationScoped
public class KafkaLagReader {

    private static final Logger LOG = Logger.getLogger(KafkaLagReader.class);

    /** What one reading found: the lag (every status OK; {@code LagHistory} judges) and the dead-letter depths. */
    public record Reading(ConsumerLag.Report lag, DeadLetterDepth.Report deadLetters) {
    }

    private final Admin admin;
    private final UnreadRecordReader unread;
    private final Duration timeout;
    private final List<String> ignoredPrefixes;
    private final String deadLetterSuffix;

    public KafkaLagReader(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap, SlaConfig config) {
        this.timeout = config.ops().lagTimeout();
        this.ignoredPrefixes = List.copyOf(config.ops().ignoredGroupPrefixes());
        this.deadLetterSuffix = config.ops().deadLetterSuffix();
        int timeoutMs = (int) timeout.toMillis();
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.CLIENT_ID_CONFIG, "sla-service-lag",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs));
        this.unread = new UnreadRecordReader(bootstrap, timeoutMs);
    }

    public Duration timeout() {
        return timeout;
    }

    /**
     * Reads lag and dead-letter depth now. Record ages not read before the deadline are left unknown.
     *
     * @throws TimeoutException when Kafka did not list the groups, offsets or topics within the timeout
     */
    public Reading read() {
        Instant deadline = Instant.now().plus(timeout);
        Collection<GroupListing> groups = await(admin.listGroups(ListGroupsOptions.forConsumerGroups()).all(), deadline);
        List<ConsumerLag.Committed> committed = committedOffsets(groups.stream().map(GroupListing::groupId)
                .filter(group -> ConsumerLag.watched(group, ignoredPrefixes)).toList(), deadline);
        Set<TopicPartition> deadLetters = deadLetterPartitions(deadline);

        Set<TopicPartition> lagging = new HashSet<>(deadLetters);
        committed.forEach(c -> lagging.add(new TopicPartition(c.topic(), c.partition())));
        Map<TopicPartition, Long> ends = offsets(lagging, OffsetSpec.latest(), deadline);
        Map<TopicPartition, Long> starts = offsets(deadLetters, OffsetSpec.earliest(), deadline);
        Instant measuredAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        Map<TopicPartition, Set<Long>> unconsumed = new HashMap<>();
        for (ConsumerLag.Committed c : committed) {
            TopicPartition partition = new TopicPartition(c.topic(), c.partition());
            Long end = ends.get(partition);
            if (end != null && end > c.offset()) {
                unconsumed.computeIfAbsent(partition, p -> new TreeSet<>()).add(c.offset());
            }
        }
        List<ConsumerLag.Unread> oldest = unread.read(unconsumed, deadline);

        List<ConsumerLag.End> endOffsets = ends.entrySet().stream()
                .map(e -> new ConsumerLag.End(e.getKey().topic(), e.getKey().partition(), e.getValue())).toList();
        List<DeadLetterDepth.Range> ranges = deadLetters.stream()
                .filter(p -> starts.containsKey(p) && ends.containsKey(p))
                .map(p -> new DeadLetterDepth.Range(p.topic(), p.partition(), starts.get(p), ends.get(p))).toList();
        return new Reading(ConsumerLag.of(committed, endOffsets, oldest, measuredAt), DeadLetterDepth.of(ranges, measuredAt));
    }

    private List<ConsumerLag.Committed> committedOffsets(List<String> groups, Instant deadline) {
        if (groups.isEmpty()) {
            return List.of();
        }
        Map<String, ListConsumerGroupOffsetsSpec> specs = groups.stream()
                .collect(Collectors.toMap(g -> g, g -> new ListConsumerGroupOffsetsSpec(), (a, b) -> a));
        List<ConsumerLag.Committed> committed = new ArrayList<>();
        await(admin.listConsumerGroupOffsets(specs).all(), deadline).forEach((group, offsets) ->
                offsets.forEach((partition, offset) -> {
                    if (offset != null) {
                        committed.add(new ConsumerLag.Committed(group, partition.topic(), partition.partition(), offset.offset()));
                    }
                }));
        return committed;
    }

    private Set<TopicPartition> deadLetterPartitions(Instant deadline) {
        List<String> topics = await(admin.listTopics().names(), deadline).stream()
                .filter(topic -> DeadLetterDepth.isDeadLetterTopic(topic, deadLetterSuffix)).toList();
        if (topics.isEmpty()) {
            return Set.of();
        }
        Map<String, TopicDescription> described = await(admin.describeTopics(topics).allTopicNames(), deadline);
        Set<TopicPartition> partitions = new HashSet<>();
        described.forEach((topic, description) -> description.partitions()
                .forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
        return partitions;
    }

    /** The offsets of {@code spec} per partition; a partition Kafka could not answer for (a topic being deleted) is left out. */
    private Map<TopicPartition, Long> offsets(Set<TopicPartition> partitions, OffsetSpec spec, Instant deadline) {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        ListOffsetsResult result = admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> spec)));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            try {
                offsets.put(partition, await(result.partitionResult(partition), deadline).offset());
            } catch (IllegalStateException e) {
                LOG.debugf("no offset for %s: %s", partition, e.getMessage());
            }
        }
        return offsets;
    }

    /**
     * The future's value, waiting at most until {@code deadline}.
     *
     * @throws TimeoutException past the deadline
     * @throws IllegalStateException when Kafka answered with an error
     */
    private static <T> T await(KafkaFuture<T> future, Instant deadline) {
        try {
            return future.get(Math.max(0, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new TimeoutException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw new TimeoutException();
            }
            throw new IllegalStateException(e.getCause().toString(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading offsets", e);
        }
    }

    @PreDestroy
    void close() {
        unread.close();
        admin.close(Duration.ofSeconds(2));
    }
}
