package io.leadflow.sla.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LagHistoryTest {

    private static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");
    private static final int WINDOW = 4;

    /** Samples every 10 s of one group on one partition: committed offsets and end offsets. */
    private static List<LagHistory.Point> points(long[] committed, long[] end) {
        List<LagHistory.Point> points = new ArrayList<>();
        for (int i = 0; i < committed.length; i++) {
            points.add(new LagHistory.Point(T0.plusSeconds(10L * i), committed[i], Math.max(0, end[i] - committed[i])));
        }
        return points;
    }

    private static LagStatus assess(long[] committed, long[] end) {
        return LagHistory.assess(points(committed, end), WINDOW);
    }

    @Test
    void statusOverTheWindow() {
        record Case(String why, long[] committed, long[] end, LagStatus expected) {
        }
        List<Case> cases = List.of(
                new Case("caught up throughout", new long[]{5, 5, 5, 5}, new long[]{5, 5, 5, 5}, LagStatus.OK),
                new Case("idle with lag waiting, offset never moves", new long[]{5, 5, 5, 5}, new long[]{9, 9, 9, 9}, LagStatus.STALLED),
                new Case("offset still while lag grows", new long[]{5, 5, 5, 5}, new long[]{6, 8, 9, 12}, LagStatus.STALLED),
                new Case("one sample without lag is enough", new long[]{5, 5, 5, 5}, new long[]{5, 7, 8, 9}, LagStatus.OK),
                new Case("moving and catching up", new long[]{5, 8, 11, 14}, new long[]{10, 12, 14, 16}, LagStatus.OK),
                new Case("moving, lag steady", new long[]{5, 8, 11, 14}, new long[]{10, 13, 16, 19}, LagStatus.OK),
                new Case("moving, lag grows every sample", new long[]{5, 6, 7, 8}, new long[]{10, 13, 16, 19}, LagStatus.LAGGING),
                new Case("moving, lag grows but dips once", new long[]{5, 6, 9, 10}, new long[]{10, 13, 14, 19}, LagStatus.OK),
                new Case("moved once, in the last sample", new long[]{5, 5, 5, 6}, new long[]{9, 9, 9, 9}, LagStatus.OK),
                new Case("offset reset backwards is movement", new long[]{5, 5, 5, 2}, new long[]{9, 9, 9, 9}, LagStatus.OK),
                new Case("window not full yet", new long[]{5, 5, 5}, new long[]{9, 9, 9}, LagStatus.OK),
                new Case("only the last window counts", new long[]{5, 7, 7, 7, 7}, new long[]{5, 9, 9, 9, 9}, LagStatus.STALLED));
        for (Case c : cases) {
            assertThat(assess(c.committed(), c.end())).as(c.why()).isEqualTo(c.expected());
        }
    }

    @Test
    void aStalledGroupShowsOnceTheWindowIsFullAndRecoversWhenItCommits() {
        LagHistory history = new LagHistory(WINDOW);
        List<LagStatus> seen = new ArrayList<>();
        for (int i = 0; i < WINDOW; i++) {
            seen.add(status(history.observe(sample(i, 5, 9)), "sla"));
        }
        assertThat(seen).containsExactly(LagStatus.OK, LagStatus.OK, LagStatus.OK, LagStatus.STALLED);

        ConsumerLag.Report recovered = history.observe(sample(WINDOW, 9, 9));
        assertThat(status(recovered, "sla")).isEqualTo(LagStatus.OK);
        assertThat(recovered.groups().get(0).topics().get(0).partitions().get(0).status()).isEqualTo(LagStatus.OK);
    }

    @Test
    void aPartitionMissingFromASampleStartsAgain() {
        LagHistory history = new LagHistory(WINDOW);
        for (int i = 0; i < WINDOW; i++) {
            history.observe(sample(i, 5, 9));
        }
        history.observe(ConsumerLag.of(List.of(), List.of(), T0.plusSeconds(100)));
        ConsumerLag.Report back = history.observe(sample(11, 5, 9));
        assertThat(status(back, "sla")).isEqualTo(LagStatus.OK);
    }

    @Test
    void aSampleNotNewerThanTheLastIsJudgedButNotRecorded() {
        LagHistory history = new LagHistory(WINDOW);
        for (int i = 0; i < WINDOW - 1; i++) {
            history.observe(sample(i, 5, 9));
        }
        // The same instant again does not fill the window.
        assertThat(status(history.observe(sample(WINDOW - 2, 5, 9)), "sla")).isEqualTo(LagStatus.OK);
        assertThat(status(history.observe(sample(WINDOW - 1, 5, 9)), "sla")).isEqualTo(LagStatus.STALLED);
    }

    @Test
    void aWindowNeedsTwoSamples() {
        assertThatThrownBy(() -> new LagHistory(1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Group sla on leads.routing.v1 partition 0 at sample {@code i} (10 s apart). */
    private static ConsumerLag.Report sample(int i, long committed, long end) {
        return ConsumerLag.of(List.of(new ConsumerLag.Committed("sla", "leads.routing.v1", 0, committed)),
                List.of(new ConsumerLag.End("leads.routing.v1", 0, end)), T0.plusSeconds(10L * i));
    }

    private static LagStatus status(ConsumerLag.Report report, String group) {
        return report.groups().stream().filter(g -> g.group().equals(group)).findFirst().orElseThrow().status();
    }
}
