package io.leadflow.sla.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Consumer lag per group, topic and partition: how many records each group still has to read, and how long the
 * oldest of them has been waiting. Pure arithmetic over offsets and record times already read from Kafka.
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

    /**
     * The record a consumer positioned at {@code offset} reads first (the one at {@code offset}, or the oldest one
     * still kept when retention deleted it): the oldest record a group committed at {@code offset} has not consumed.
     */
    public record Unread(String topic, int partition, long offset, Instant timestamp) {
    }

    public record Report(List<GroupLag> groups, Instant measuredAt) {
    }

    /** {@code lagSeconds} and {@code status} summarise the partitions: the largest known age, the worst status. */
    public record GroupLag(String group, List<TopicLag> topics, long lag, Double lagSeconds, LagStatus status) {
    }

    public record TopicLag(String topic, List<PartitionLag> partitions, long lag, Double lagSeconds, LagStatus status) {
    }

    /**
     * One group on one partition. {@code lag = end - committed} (never negative); {@code lagSeconds} is the age of
     * the oldest unconsumed record at measurement time, 0 without lag, null when that record could not be read.
     */
    public record PartitionLag(int partition, long committed, long end, long lag, Double lagSeconds, LagStatus status) {

        /** A partition without a known record age, status OK. */
        public PartitionLag(int partition, long committed, long end, long lag) {
            this(partition, committed, end, lag, lag == 0 ? 0.0 : null, LagStatus.OK);
        }
    }

    /** A group whose name starts with one of {@code ignoredPrefixes} is left out of the lag (throw-away groups). */
    public static boolean watched(String group, List<String> ignoredPrefixes) {
        return ignoredPrefixes.stream().noneMatch(prefix -> !prefix.isEmpty() && group.startsWith(prefix));
    }

    /** The report without record ages: {@link #of(List, List, List, Instant)} with no unread records known. */
    public static Report of(List<Committed> committed, List<End> ends, Instant measuredAt) {
        return of(committed, ends, List.of(), measuredAt);
    }

    /**
     * Builds the report, sorted by group, topic and partition, every status OK (see {@link LagHistory}). A partition
     * whose end offset is unknown is left out; lag is never negative (an end offset read a moment before a commit can
     * trail it); a lagging partition's age comes from the unread record at its committed offset.
     */
    public static Report of(List<Committed> committed, List<End> ends, List<Unread> unread, Instant measuredAt) {
        Map<String, Long> endByPartition = new TreeMap<>();
        ends.forEach(end -> endByPartition.put(end.topic() + "/" + end.partition(), end.offset()));
        Map<String, Instant> unreadAt = new TreeMap<>();
        unread.forEach(u -> unreadAt.put(u.topic() + "/" + u.partition() + "@" + u.offset(), u.timestamp()));

        Map<String, Map<String, List<PartitionLag>>> byGroup = new TreeMap<>();
        for (Committed c : committed) {
            Long end = endByPartition.get(c.topic() + "/" + c.partition());
            if (end == null) {
                continue;
            }
            long lag = Math.max(0, end - c.offset());
            Double seconds = lag == 0 ? Double.valueOf(0.0)
                    : ageSeconds(unreadAt.get(c.topic() + "/" + c.partition() + "@" + c.offset()), measuredAt);
            byGroup.computeIfAbsent(c.group(), g -> new TreeMap<>())
                    .computeIfAbsent(c.topic(), t -> new ArrayList<>())
                    .add(new PartitionLag(c.partition(), c.offset(), end, lag, seconds, LagStatus.OK));
        }

        List<GroupLag> groups = new ArrayList<>();
        byGroup.forEach((group, topics) -> {
            List<TopicLag> topicLags = new ArrayList<>();
            topics.forEach((topic, partitions) -> {
                partitions.sort(Comparator.comparingInt(PartitionLag::partition));
                topicLags.add(topic(topic, partitions));
            });
            groups.add(group(group, topicLags));
        });
        return new Report(List.copyOf(groups), measuredAt);
    }

    /** How a group stands on one partition, as judged from the recent samples. */
    @FunctionalInterface
    public interface StatusOf {
        LagStatus of(String group, String topic, int partition);
    }

    /** The same report with each partition's status from {@code statuses}; topics and groups take their worst. */
    public static Report withStatuses(Report report, StatusOf statuses) {
        List<GroupLag> groups = report.groups().stream().map(g -> group(g.group(), g.topics().stream()
                .map(t -> topic(t.topic(), t.partitions().stream()
                        .map(p -> new PartitionLag(p.partition(), p.committed(), p.end(), p.lag(), p.lagSeconds(),
                                Objects.requireNonNull(statuses.of(g.group(), t.topic(), p.partition()), "status")))
                        .toList()))
                .toList())).toList();
        return new Report(groups, report.measuredAt());
    }

    /** Seconds from {@code timestamp} to {@code measuredAt}, millisecond precision, never negative; null if unknown. */
    static Double ageSeconds(Instant timestamp, Instant measuredAt) {
        if (timestamp == null) {
            return null;
        }
        return Math.max(0, Duration.between(timestamp, measuredAt).toMillis()) / 1000.0;
    }

    private static TopicLag topic(String topic, List<PartitionLag> partitions) {
        return new TopicLag(topic, List.copyOf(partitions), partitions.stream().mapToLong(PartitionLag::lag).sum(),
                oldest(partitions.stream().map(PartitionLag::lagSeconds).toList()),
                worst(partitions.stream().map(PartitionLag::status).toList()));
    }

    private static GroupLag group(String group, List<TopicLag> topics) {
        return new GroupLag(group, List.copyOf(topics), topics.stream().mapToLong(TopicLag::lag).sum(),
                oldest(topics.stream().map(TopicLag::lagSeconds).toList()),
                worst(topics.stream().map(TopicLag::status).toList()));
    }

    /** The largest known age; null when every age is unknown. */
    private static Double oldest(List<Double> ages) {
        return ages.stream().filter(Objects::nonNull).max(Double::compare).orElse(null);
    }

    private static LagStatus worst(List<LagStatus> statuses) {
        return statuses.stream().max(Comparator.naturalOrder()).orElse(LagStatus.OK);
    }
}
