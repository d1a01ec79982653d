package io.leadflow.routing.domain;

import io.leadflow.routing.repository.SdrPoolRepository.MemberRow;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Changing a pool's members keeps the member who was next in line next, and restarts weights only on a change. */
class PoolReseatTest {

    static final List<MemberRow> ABC = List.of(new MemberRow("a", 0, 1, 0), new MemberRow("b", 1, 3, -2),
            new MemberRow("c", 2, 1, 2));

    @Test
    void theMemberNextInLineStaysNext() {
        // b got the last lead: c is next.
        assertThat(RosterService.cursorAfterReseat(ABC, 1, List.of("a", "b", "c", "d"))).isEqualTo(1); // c after 1
        assertThat(RosterService.cursorAfterReseat(ABC, 1, List.of("c", "a", "b"))).isEqualTo(-1);     // c first
        assertThat(RosterService.cursorAfterReseat(ABC, 1, List.of("d", "a", "b"))).isEqualTo(0);      // c gone: a next
        assertThat(RosterService.cursorAfterReseat(ABC, 2, List.of("b", "c"))).isEqualTo(-1);          // a gone: b next
        assertThat(RosterService.cursorAfterReseat(ABC, -1, List.of("b", "a"))).isEqualTo(0);          // a was next
        assertThat(RosterService.cursorAfterReseat(ABC, 1, List.of("x", "y"))).isEqualTo(-1);
        assertThat(RosterService.cursorAfterReseat(List.of(), 4, List.of("x"))).isEqualTo(-1);
    }

    @Test
    void currentWeightsAreKeptOnlyWhenMembersAndWeightsAreUnchanged() {
        List<PoolSettings.Member> same = List.of(new PoolSettings.Member("a", 1), new PoolSettings.Member("b", 3),
                new PoolSettings.Member("c", 1));
        assertThat(RosterService.reseat(ABC, same)).extracting(MemberRow::currentWeight).containsExactly(0L, -2L, 2L);
        List<PoolSettings.Member> reweighted = List.of(new PoolSettings.Member("a", 1), new PoolSettings.Member("b", 2),
                new PoolSettings.Member("c", 1));
        assertThat(RosterService.reseat(ABC, reweighted)).extracting(MemberRow::currentWeight).containsExactly(0L, 0L, 0L);
        assertThat(RosterService.reseat(ABC, List.of(new PoolSettings.Member("c", 1), new PoolSettings.Member("a", 1))))
                .containsExactly(new MemberRow("c", 0, 1, 0), new MemberRow("a", 1, 1, 0));
    }
}
