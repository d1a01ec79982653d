package io.leadflow.sla.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many records wait in each dead-letter topic: per partition {@code end - start} (the end offset minus the
 * oldest offset still kept), summed per topic. Pure arithmetic over offsets already read from Kafka.
 */
public final class DeadLetterDepth {

    private DeadLetterDepth() {
    }

    /** A partition's oldest kept offset ({@code start}) and end offset (the offset the next record will get). */
    public record Range(String topic, int partition, long start, long end) {
    }

    public record Report(List<TopicDepth> topics, long depth, Instant measuredAt) {
    }

    public record TopicDepth(String topic, List<PartitionDepth> partitions, long depth) {
    }

    public record PartitionDepth(int partition, long start, long end, long depth) {
    }

    /** Whether {@code topic} is a dead-letter topic: its name ends in {@code suffix} (".dlq": {@code <topic>.<consumer>.dlq}). */
    public static boolean isDeadLetterTopic(String topic, String suffix) {
        return topic.endsWith(suffix) && topic.length() > suffix.length();
    }

    /** The depths, sorted by topic and partition; a depth is never negative. */
    public static Report of(List<Range> ranges, Instant measuredAt) {
        Map<String, List<PartitionDepth>> byTopic = new TreeMap<>();
        for (Range range : ranges) {
            byTopic.computeIfAbsent(range.topic(), t -> new ArrayList<>()).add(new PartitionDepth(range.partition(),
                    range.start(), range.end(), Math.max(0, range.end() - range.start())));
        }
        List<TopicDepth> topics = new ArrayList<>();
        byTopic.forEach((topic, partitions) -> {
            partitions.sort(Comparator.comparingInt(PartitionDepth::partition));
            topics.add(new TopicDepth(topic, List.copyOf(partitions), partitions.stream().mapToLong(PartitionDepth::depth).sum()));
        });
        return new Report(List.copyOf(topics), topics.stream().mapToLong(TopicDepth::depth).sum(), measuredAt);
    }
}
