package io.leadflow.sla.messaging.lag;

import io.leadflow.sla.config.SlaConfig;
import io.leadflow.sla.domain.ConsumerLag;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads consumer lag from the brokers with one shared Admin client: the consumer groups, their
 * committed offsets and the partitions' end offsets. Groups that never committed are left out.
 */
@ApplicationScoped
public class KafkaLagReader {

    private final Admin admin;
    private final Duration timeout;

    public KafkaLagReader(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap, SlaConfig config) {
        this.timeout = config.ops().lagTimeout();
        int timeoutMs = (int) timeout.toMillis();
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.CLIENT_ID_CONFIG, "sla-service-lag",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs));
    }

    /** The lag of every consumer group that has committed offsets; fails with a TimeoutException after the timeout. */
    public Uni<ConsumerLag.Report> read() {
        return Uni.createFrom().deferred(() -> from(admin.listGroups(ListGroupsOptions.forConsumerGroups()).all()))
                .chain(this::committedOffsets)
                .chain(committed -> endOffsets(committed)
                        .map(ends -> ConsumerLag.of(committed, ends, Instant.now().truncatedTo(ChronoUnit.MILLIS))))
                .ifNoItem().after(timeout).fail();
    }

    public Duration timeout() {
        return timeout;
    }

    private Uni<List<ConsumerLag.Committed>> committedOffsets(Collection<GroupListing> groups) {
        if (groups.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Map<String, ListConsumerGroupOffsetsSpec> specs = groups.stream()
                .collect(Collectors.toMap(GroupListing::groupId, g -> new ListConsumerGroupOffsetsSpec(), (a, b) -> a));
        return from(admin.listConsumerGroupOffsets(specs).all()).map(byGroup -> {
            List<ConsumerLag.Committed> committed = new ArrayList<>();
            byGroup.forEach((group, offsets) -> offsets.forEach((partition, offset) -> {
                if (offset != null) {
                    committed.add(new ConsumerLag.Committed(group, partition.topic(), partition.partition(), offset.offset()));
                }
            }));
            return committed;
        });
    }

    private Uni<List<ConsumerLag.End>> endOffsets(List<ConsumerLag.Committed> committed) {
        Set<TopicPartition> partitions = new HashSet<>();
        committed.forEach(c -> partitions.add(new TopicPartition(c.topic(), c.partition())));
        if (partitions.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        return from(admin.listOffsets(latest).all())
                .map(ends -> ends.entrySet().stream()
                        .map(e -> new ConsumerLag.End(e.getKey().topic(), e.getKey().partition(), e.getValue().offset()))
                        .toList());
    }

    private static <T> Uni<T> from(KafkaFuture<T> future) {
        return Uni.createFrom().completionStage(future.toCompletionStage());
    }

    @PreDestroy
    void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
