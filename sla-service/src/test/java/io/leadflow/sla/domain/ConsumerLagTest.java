package io.leadflow.sla.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConsumerLagTest {

    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");

    @Test
    void lagIsSummedPerTopicAndGroupAndSorted() {
        ConsumerLag.Report report = ConsumerLag.of(List.of(
                        new ConsumerLag.Committed("sla", "leads.routing.v1", 1, 7),
                        new ConsumerLag.Committed("enrichment", "leads.capture.v1", 0, 12),
                        new ConsumerLag.Committed("sla", "leads.routing.v1", 0, 10),
                        new ConsumerLag.Committed("enrichment", "leads.capture.v1", 1, 3)),
                List.of(new ConsumerLag.End("leads.capture.v1", 0, 12),
                        new ConsumerLag.End("leads.capture.v1", 1, 8),
                        new ConsumerLag.End("leads.routing.v1", 0, 10),
                        new ConsumerLag.End("leads.routing.v1", 1, 9)),
                NOW);

        assertThat(report.measuredAt()).isEqualTo(NOW);
        assertThat(report.groups()).extracting(ConsumerLag.GroupLag::group).containsExactly("enrichment", "sla");
        ConsumerLag.GroupLag enrichment = report.groups().get(0);
        assertThat(enrichment.lag()).isEqualTo(5);
        assertThat(enrichment.topics()).singleElement().satisfies(topic -> {
            assertThat(topic.topic()).isEqualTo("leads.capture.v1");
            assertThat(topic.lag()).isEqualTo(5);
            assertThat(topic.partitions()).containsExactly(
                    new ConsumerLag.PartitionLag(0, 12, 12, 0),
                    new ConsumerLag.PartitionLag(1, 3, 8, 5));
        });
        ConsumerLag.GroupLag sla = report.groups().get(1);
        assertThat(sla.topics().get(0).partitions()).extracting(ConsumerLag.PartitionLag::partition).containsExactly(0, 1);
        assertThat(sla.lag()).isEqualTo(2);
    }

    @Test
    void anEndOffsetReadJustBeforeACommitNeverMakesLagNegative() {
        ConsumerLag.Report report = ConsumerLag.of(List.of(new ConsumerLag.Committed("sla", "leads.routing.v1", 0, 15)),
                List.of(new ConsumerLag.End("leads.routing.v1", 0, 14)), NOW);
        assertThat(report.groups().get(0).topics().get(0).partitions().get(0).lag()).isZero();
    }

    @Test
    void partitionsWithoutAKnownEndAreLeftOut() {
        ConsumerLag.Report report = ConsumerLag.of(List.of(new ConsumerLag.Committed("sla", "gone.v1", 0, 15)), List.of(), NOW);
        assertThat(report.groups()).isEmpty();
    }

    @Test
    void lagInSecondsIsTheAgeOfTheRecordAtTheCommittedOffset() {
        ConsumerLag.Report report = ConsumerLag.of(List.of(
                        new ConsumerLag.Committed("sla", "leads.routing.v1", 0, 10),
                        new ConsumerLag.Committed("sla", "leads.routing.v1", 1, 4),
                        new ConsumerLag.Committed("crm-sync", "leads.routing.v1", 1, 6),
                        new ConsumerLag.Committed("scoring", "leads.routing.v1", 0, 7)),
                List.of(new ConsumerLag.End("leads.routing.v1", 0, 10), new ConsumerLag.End("leads.routing.v1", 1, 9)),
                List.of(new ConsumerLag.Unread("leads.routing.v1", 1, 4, NOW.minusMillis(90_250)),
                        new ConsumerLag.Unread("leads.routing.v1", 1, 6, NOW.minusSeconds(30)),
                        new ConsumerLag.Unread("leads.routing.v1", 0, 7, NOW.plusSeconds(2))),
                NOW);

        ConsumerLag.GroupLag sla = group(report, "sla");
        assertThat(sla.topics().get(0).partitions()).extracting(ConsumerLag.PartitionLag::lagSeconds)
                .containsExactly(0.0, 90.25);
        assertThat(sla.lagSeconds()).isEqualTo(90.25);
        assertThat(sla.topics().get(0).lagSeconds()).isEqualTo(90.25);
        // Each group's age comes from the record at its own committed offset.
        assertThat(group(report, "crm-sync").lagSeconds()).isEqualTo(30.0);
        // A record stamped a little in the future (producer clock ahead) is no negative age.
        assertThat(group(report, "scoring").lagSeconds()).isEqualTo(0.0);
    }

    @Test
    void anUnreadRecordNotFoundLeavesTheAgeUnknown() {
        ConsumerLag.Report report = ConsumerLag.of(List.of(new ConsumerLag.Committed("sla", "leads.routing.v1", 0, 3)),
                List.of(new ConsumerLag.End("leads.routing.v1", 0, 5)), List.of(), NOW);
        assertThat(report.groups().get(0).topics().get(0).partitions().get(0).lagSeconds()).isNull();
        assertThat(report.groups().get(0).lagSeconds()).isNull();
        assertThat(report.groups().get(0).status()).isEqualTo(LagStatus.OK);
    }

    @Test
    void groupsAreIgnoredByPrefix() {
        List<String> ignored = List.of("routing-inbox-", "");
        assertThat(ConsumerLag.watched("routing-inbox-3f2a", ignored)).isFalse();
        assertThat(ConsumerLag.watched("routing", ignored)).isTrue();
        assertThat(ConsumerLag.watched("routing-notify", ignored)).isTrue();
        assertThat(ConsumerLag.watched("sla", List.of())).isTrue();
    }

    @Test
    void statusesRollUpToTheWorstOfTheirPartitions() {
        ConsumerLag.Report report = ConsumerLag.of(List.of(
                        new ConsumerLag.Committed("sla", "leads.routing.v1", 0, 1),
                        new ConsumerLag.Committed("sla", "leads.routing.v1", 1, 1),
                        new ConsumerLag.Committed("sla", "leads.capture.v1", 0, 1)),
                List.of(new ConsumerLag.End("leads.routing.v1", 0, 5), new ConsumerLag.End("leads.routing.v1", 1, 5),
                        new ConsumerLag.End("leads.capture.v1", 0, 5)), NOW);

        ConsumerLag.Report judged = ConsumerLag.withStatuses(report, (group, topic, partition) ->
                topic.equals("leads.routing.v1") && partition == 1 ? LagStatus.STALLED
                        : topic.equals("leads.capture.v1") ? LagStatus.LAGGING : LagStatus.OK);

        ConsumerLag.GroupLag sla = judged.groups().get(0);
        assertThat(sla.status()).isEqualTo(LagStatus.STALLED);
        assertThat(sla.topics()).extracting(ConsumerLag.TopicLag::topic, ConsumerLag.TopicLag::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("leads.capture.v1", LagStatus.LAGGING),
                        org.assertj.core.groups.Tuple.tuple("leads.routing.v1", LagStatus.STALLED));
        assertThat(sla.lag()).isEqualTo(12);
        assertThat(judged.measuredAt()).isEqualTo(NOW);
    }

    private static ConsumerLag.GroupLag group(ConsumerLag.Report report, String name) {
        return report.groups().stream().filter(g -> g.group().equals(name)).findFirst().orElseThrow();
    }
}
