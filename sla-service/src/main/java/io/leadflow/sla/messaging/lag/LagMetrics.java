package io.leadflow.sla.messaging.lag;

import io.leadflow.sla.domain.ConsumerLag;
import io.leadflow.sla.domain.DeadLetterDepth;
import io.leadflow.sla.domain.LagStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import java.util.ArrayList;
import java.util.List;

/**
 * The pipeline health as Prometheus gauges, from the latest sample only: each sample replaces every row, so a
 * group, partition or dead-letter topic that is gone stops being reported at the next sample.
 * <ul>
 *   <li>{@code leadflow.kafka.consumer.lag.records{group,topic,partition}}: end offset - committed offset;</li>
 *   <li>{@code leadflow.kafka.consumer.lag.seconds{group,topic,partition}}: age of the oldest unconsumed record
 *       (left out while unknown);</li>
 *   <li>{@code leadflow.kafka.consumer.stalled{group,topic,partition}}: 1 when STALLED, else 0;</li>
 *   <li>{@code leadflow.kafka.dlq.depth{topic}}: records kept in the dead-letter topic.</li>
 * </ul>
 */
final class LagMetrics {

    private final MultiGauge lagRecords;
    private final MultiGauge lagSeconds;
    private final MultiGauge stalled;
    private final MultiGauge deadLetterDepth;

    LagMetrics(MeterRegistry meters) {
        lagRecords = MultiGauge.builder("leadflow.kafka.consumer.lag.records")
                .description("Records a consumer group has still to read on a partition (end offset - committed offset)")
                .register(meters);
        lagSeconds = MultiGauge.builder("leadflow.kafka.consumer.lag.seconds")
                .description("Age of the oldest record a consumer group has not consumed on a partition, 0 without lag")
                .register(meters);
        stalled = MultiGauge.builder("leadflow.kafka.consumer.stalled")
                .description("1 when the group's committed offset stood still over the whole window while records waited")
                .register(meters);
        deadLetterDepth = MultiGauge.builder("leadflow.kafka.dlq.depth")
                .description("Records kept in a dead-letter topic (end offset - earliest offset, summed over partitions)")
                .register(meters);
    }

    void update(ConsumerLag.Report lag, DeadLetterDepth.Report deadLetters) {
        List<MultiGauge.Row<?>> records = new ArrayList<>();
        List<MultiGauge.Row<?>> seconds = new ArrayList<>();
        List<MultiGauge.Row<?>> stalls = new ArrayList<>();
        for (ConsumerLag.GroupLag group : lag.groups()) {
            for (ConsumerLag.TopicLag topic : group.topics()) {
                for (ConsumerLag.PartitionLag partition : topic.partitions()) {
                    Tags tags = Tags.of("group", group.group(), "topic", topic.topic(),
                            "partition", Integer.toString(partition.partition()));
                    records.add(MultiGauge.Row.of(tags, partition.lag()));
                    if (partition.lagSeconds() != null) {
                        seconds.add(MultiGauge.Row.of(tags, partition.lagSeconds()));
                    }
                    stalls.add(MultiGauge.Row.of(tags, partition.status() == LagStatus.STALLED ? 1 : 0));
                }
            }
        }
        lagRecords.register(records, true);
        lagSeconds.register(seconds, true);
        stalled.register(stalls, true);
        deadLetterDepth.register(deadLetters.topics().stream()
                .<MultiGauge.Row<?>>map(t -> MultiGauge.Row.of(Tags.of("topic", t.topic()), t.depth())).toList(), true);
    }
}
