package io.leadflow.routing.messaging.in;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.util.Collection;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * This replica is ready to serve SDR streams only once its inbox feed holds the partitions of
 * leads.routing.v1 with their start offsets fixed: the feed starts at the latest offset, so an
 * assignment published before that point would never reach a stream opened here.
 */
@ApplicationScoped
@Readiness
@Identifier(SdrInboxReadiness.NAME)
public class SdrInboxReadiness implements KafkaConsumerRebalanceListener, HealthCheck {

    static final String NAME = "sdr-inbox-readiness";

    private final AtomicInteger partitions = new AtomicInteger();

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> assigned) {
        // Resolving the positions now (auto.offset.reset=latest) pins where the feed starts.
        assigned.forEach(consumer::position);
        partitions.addAndGet(assigned.size());
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> revoked) {
        partitions.addAndGet(-revoked.size());
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> lost) {
        partitions.addAndGet(-lost.size());
    }

    @Override
    public HealthCheckResponse call() {
        int held = partitions.get();
        return HealthCheckResponse.named("sdr-inbox-feed").status(held > 0).withData("partitions", held).build();
    }
}
