package io.leadflow.sla.domain;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The last {@code window} lag samples of every group on every partition, and the status they add up to
 * (Burrow-style, over the whole window):
 * <ul>
 *   <li>fewer than {@code window} samples, or no lag in one of them: {@link LagStatus#OK};</li>
 *   <li>the committed offset never moved while every sample had lag: {@link LagStatus#STALLED};</li>
 *   <li>the committed offset moved, but the lag grew from every sample to the next: {@link LagStatus#LAGGING};</li>
 *   <li>anything else: {@link LagStatus#OK}.</li>
 * </ul>
 * A group/partition missing from a sample loses its history (the group or topic is gone, or it was ignored).
 * Pure: time comes from the samples' {@code measuredAt}. Thread-safe.
 */
public final class LagHistory {

    /** What one sample said of one group on one partition. */
    public record Point(Instant at, long committed, long lag) {
    }

    private record Key(String group, String topic, int partition) {
    }

    private final int window;
    private final Map<Key, Deque<Point>> points = new HashMap<>();
    private Instant last;

    public LagHistory(int window) {
        if (window < 2) {
            throw new IllegalArgumentException("a stall window needs at least 2 samples, got " + window);
        }
        this.window = window;
    }

    public int window() {
        return window;
    }

    /**
     * Adds a sample to the history and returns it with each partition's status. A sample not newer than the last
     * one observed is judged on the history as it is, without being added.
     */
    public synchronized ConsumerLag.Report observe(ConsumerLag.Report sample) {
        if (last == null || sample.measuredAt().isAfter(last)) {
            Set<Key> present = new HashSet<>();
            for (ConsumerLag.GroupLag group : sample.groups()) {
                for (ConsumerLag.TopicLag topic : group.topics()) {
                    for (ConsumerLag.PartitionLag partition : topic.partitions()) {
                        Key key = new Key(group.group(), topic.topic(), partition.partition());
                        present.add(key);
                        Deque<Point> recent = points.computeIfAbsent(key, k -> new ArrayDeque<>());
                        recent.addLast(new Point(sample.measuredAt(), partition.committed(), partition.lag()));
                        while (recent.size() > window) {
                            recent.removeFirst();
                        }
                    }
                }
            }
            points.keySet().retainAll(present);
            last = sample.measuredAt();
        }
        return ConsumerLag.withStatuses(sample, (group, topic, partition) -> {
            Deque<Point> recent = points.get(new Key(group, topic, partition));
            return recent == null ? LagStatus.OK : assess(List.copyOf(recent), window);
        });
    }

    /** The status of one group/partition from its samples, oldest first (see the class comment). */
    public static LagStatus assess(List<Point> samples, int window) {
        if (samples.size() < window) {
            return LagStatus.OK;
        }
        List<Point> recent = samples.subList(samples.size() - window, samples.size());
        if (recent.stream().anyMatch(p -> p.lag() <= 0)) {
            return LagStatus.OK;
        }
        boolean moved = false;
        boolean growing = true;
        for (int i = 1; i < recent.size(); i++) {
            moved |= recent.get(i).committed() != recent.get(i - 1).committed();
            growing &= recent.get(i).lag() > recent.get(i - 1).lag();
        }
        if (!moved) {
            return LagStatus.STALLED;
        }
        return growing ? LagStatus.LAGGING : LagStatus.OK;
    }
}
