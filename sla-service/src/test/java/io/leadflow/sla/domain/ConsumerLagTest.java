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
}
