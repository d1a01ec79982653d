package io.leadflow.sla.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterDepthTest {

    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");

    @Test
    void depthIsEndMinusStartSummedPerTopic() {
        DeadLetterDepth.Report report = DeadLetterDepth.of(List.of(
                new DeadLetterDepth.Range("leads.routing.v1.sla.dlq", 1, 2, 7),
                new DeadLetterDepth.Range("leads.capture.v1.enrichment.dlq", 0, 0, 0),
                new DeadLetterDepth.Range("leads.routing.v1.sla.dlq", 0, 10, 13)), NOW);

        assertThat(report.topics()).extracting(DeadLetterDepth.TopicDepth::topic)
                .containsExactly("leads.capture.v1.enrichment.dlq", "leads.routing.v1.sla.dlq");
        assertThat(report.topics().get(0).depth()).isZero();
        assertThat(report.topics().get(1).partitions()).containsExactly(
                new DeadLetterDepth.PartitionDepth(0, 10, 13, 3), new DeadLetterDepth.PartitionDepth(1, 2, 7, 5));
        assertThat(report.topics().get(1).depth()).isEqualTo(8);
        assertThat(report.depth()).isEqualTo(8);
        assertThat(report.measuredAt()).isEqualTo(NOW);
    }

    @Test
    void aStartPastTheEndIsNoNegativeDepth() {
        DeadLetterDepth.Report report = DeadLetterDepth.of(List.of(new DeadLetterDepth.Range("a.b.dlq", 0, 9, 8)), NOW);
        assertThat(report.depth()).isZero();
    }

    @Test
    void deadLetterTopicsAreTheOnesEndingInTheSuffix() {
        assertThat(DeadLetterDepth.isDeadLetterTopic("leads.routing.v1.sla.dlq", ".dlq")).isTrue();
        assertThat(DeadLetterDepth.isDeadLetterTopic("leads.routing.v1", ".dlq")).isFalse();
        assertThat(DeadLetterDepth.isDeadLetterTopic("leads.dlq.v1", ".dlq")).isFalse();
        assertThat(DeadLetterDepth.isDeadLetterTopic(".dlq", ".dlq")).isFalse();
    }
}
