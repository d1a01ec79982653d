package io.leadflow.sla.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Consumer lag per group, topic and partition: how many records each group still has to read.
 * Pure arithmetic over offsets already read from Kafka.
 */
public final class ConsumerLag {

    private ConsumerLag() {
    }

    /** A committed offset of one group on one partition. */
    public record Committed(String group, String topic, int partition, long offset) {
    }

    /** A partition's end offset (the offset the next record will get). */
    public record End(String topic, int partition, long offset) {
    }

    public record Report(List<GroupLag> groups, Instant measuredAt) {
    }

    public record GroupLag(String group, List<TopicLag> topics, long lag) {
    }

    public record TopicLag(String topic, List<PartitionLag> partitions, long lag) {
    }

    public record PartitionLag(int partition, long committed, long end, long lag) {
    }

    /**
     * Builds the report, sorted by group, topic and partition. A partition whose end offset is unknown
     * is left out; lag is never negative (an end offset read a moment before a commit can trail it).
     */
    public static Report of(List<Committed> committed, List<End> ends, Instant measuredAt) {
        Map<String, Long> endByPartition = new TreeMap<>();
        ends.forEach(end -> endByPartition.put(end.topic() + "/" + end.partition(), end.offset()));

        Map<String, Map<String, List<PartitionLag>>> byGroup = new TreeMap<>();
        for (Committed c : committed) {
            Long end = endByPartition.get(c.topic() + "/" + c.partition());
            if (end == null) {
                continue;
            }
            byGroup.computeIfAbsent(c.group(), g -> new TreeMap<>())
                    .computeIfAbsent(c.topic(), t -> new ArrayList<>())
                    .add(new PartitionLag(c.partition(), c.offset(), end, Math.max(0, end - c.offset())));
        }

        List<GroupLag> groups = new ArrayList<>();
        byGroup.forEach((group, topics) -> {
            List<TopicLag> topicLags = new ArrayList<>();
            topics.forEach((topic, partitions) -> {
                partitions.sort(Comparator.comparingInt(PartitionLag::partition));
                topicLags.add(new TopicLag(topic, List.copyOf(partitions),
                        partitions.stream().mapToLong(PartitionLag::lag).sum()));
            });
            groups.add(new GroupLag(group, List.copyOf(topicLags), topicLags.stream().mapToLong(TopicLag::lag).sum()));
        });
        return new Report(List.copyOf(groups), measuredAt);
    }
}
