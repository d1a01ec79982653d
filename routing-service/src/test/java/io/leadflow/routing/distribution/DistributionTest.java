package io.leadflow.routing.distribution;

import io.leadflow.routing.roster.Availability;
import io.leadflow.routing.roster.Caps;
import io.leadflow.routing.roster.Load;
import io.leadflow.routing.roster.OutOfOffice;
import io.leadflow.routing.roster.Shift;
import io.leadflow.routing.roster.SkipReason;
import io.leadflow.routing.roster.WorkingHours;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.leadflow.routing.distribution.DistributionMethod.LEAST_LOADED;
import static io.leadflow.routing.distribution.DistributionMethod.STRICT_ROUND_ROBIN;
import static io.leadflow.routing.distribution.DistributionMethod.WEIGHTED_ROUND_ROBIN;
import static org.assertj.core.api.Assertions.assertThat;

class DistributionTest {

    static final Instant NOON = Instant.parse("2026-01-14T12:00:00Z"); // a Wednesday

    static PoolState pool(DistributionMethod method, Candidate... members) {
        return new PoolState(method, -1, List.of(members));
    }

    static Candidate member(String sdrId, int position) {
        return Candidate.of(sdrId, position);
    }

    /** Routes {@code leads} leads one after the other, each decision's state feeding the next; who got each. */
    static List<String> run(PoolState pool, int leads) {
        List<String> sequence = new ArrayList<>();
        PoolState state = pool;
        for (int i = 0; i < leads; i++) {
            Selection selection = Distribution.select(state, NOON.plusSeconds(i));
            sequence.add(selection.sdrId().orElse("-"));
            state = selection.next();
        }
        return sequence;
    }

    static String reasons(Selection selection) {
        return selection.considered().stream()
                .map(c -> c.sdrId() + (c.chosen() ? "*" : c.skipped() == null ? "" : ":" + c.reason()))
                .collect(Collectors.joining(" "));
    }

    @Test
    void strictRoundRobinGoesInTurnFromTheCursor() {
        PoolState abc = pool(STRICT_ROUND_ROBIN, member("a", 0), member("b", 1), member("c", 2));
        assertThat(run(abc, 7)).containsExactly("a", "b", "c", "a", "b", "c", "a");
        assertThat(run(abc.withCursor(1), 4)).containsExactly("c", "a", "b", "c");
        assertThat(run(abc.withCursor(7), 2)).containsExactly("a", "b"); // a cursor past the end wraps
        // Positions need not be consecutive.
        assertThat(run(pool(STRICT_ROUND_ROBIN, member("a", 10), member("b", 20), member("c", 35)).withCursor(20), 3))
                .containsExactly("c", "a", "b");
        Selection first = Distribution.select(abc, NOON);
        assertThat(first.next().cursor()).isEqualTo(0);
        assertThat(reasons(first)).isEqualTo("a*");
        assertThat(first.next().member("a").load()).isEqualTo(new Load(1, 1, NOON));
    }

    @Test
    void aSkippedMemberKeepsTheirPlaceInTheRotation() {
        Candidate paused = member("b", 1).withAvailability(Availability.always().paused(true));
        PoolState pool = pool(STRICT_ROUND_ROBIN, member("a", 0), paused, member("c", 2)).withCursor(0);
        Selection selection = Distribution.select(pool, NOON);
        assertThat(selection.sdrId()).contains("c");
        assertThat(reasons(selection)).isEqualTo("b:paused c*");
        assertThat(run(pool, 4)).containsExactly("c", "a", "c", "a");
        // Back from the pause right after a got a lead: b is next, where they were.
        PoolState resumed = selection.next().withCursor(0).withMembers(List.of(member("a", 0), member("b", 1), member("c", 2)));
        assertThat(run(resumed, 3)).containsExactly("b", "c", "a");
    }

    @Test
    void weightedRoundRobinIsSmoothAndExact() {
        assertThat(run(pool(WEIGHTED_ROUND_ROBIN, member("a", 0).withWeight(3), member("b", 1)), 8))
                .containsExactly("a", "a", "b", "a", "a", "a", "b", "a");
        // nginx's example: 5:1:1 -> a a b a c a a.
        assertThat(run(pool(WEIGHTED_ROUND_ROBIN, member("a", 0).withWeight(5), member("b", 1), member("c", 2)), 14))
                .containsExactly("a", "a", "b", "a", "c", "a", "a", "a", "a", "b", "a", "c", "a", "a");
        // Equal weights: plain rotation by position.
        assertThat(run(pool(WEIGHTED_ROUND_ROBIN, member("a", 0), member("b", 1), member("c", 2)), 6))
                .containsExactly("a", "b", "c", "a", "b", "c");
    }

    @Test
    void weightsThreeToOneGiveThreeToOneOverManyLeads() {
        Map<String, Long> counts = run(pool(WEIGHTED_ROUND_ROBIN, member("a", 0).withWeight(3), member("b", 1)), 4_000)
                .stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(counts).containsOnly(Map.entry("a", 3_000L), Map.entry("b", 1_000L));
        Map<String, Long> three = run(pool(WEIGHTED_ROUND_ROBIN, member("a", 0).withWeight(5), member("b", 1).withWeight(3),
                member("c", 2).withWeight(2)), 1_000)
                .stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(three).containsOnly(Map.entry("a", 500L), Map.entry("b", 300L), Map.entry("c", 200L));
    }

    @Test
    void weightedRoundRobinLeavesASkippedMembersCurrentWeightAlone() {
        PoolState pool = pool(WEIGHTED_ROUND_ROBIN, member("a", 0).withWeight(3), member("b", 1).withCurrentWeight(-2),
                member("c", 2).withAvailability(Availability.always().active(false)));
        Selection selection = Distribution.select(pool, NOON);
        assertThat(selection.sdrId()).contains("a");
        assertThat(reasons(selection)).isEqualTo("a* b c:inactive");
        assertThat(selection.next().members()).extracting(Candidate::currentWeight).containsExactly(-1L, -1L, 0L);
        // The sum of current weights stays 0 for members who started at 0.
        PoolState state = pool(WEIGHTED_ROUND_ROBIN, member("a", 0).withWeight(4), member("b", 1).withWeight(2), member("c", 2));
        for (int i = 0; i < 50; i++) {
            state = Distribution.select(state, NOON).next();
            assertThat(state.members().stream().mapToLong(Candidate::currentWeight).sum()).isZero();
        }
    }

    @Test
    void leastLoadedTakesTheFewestOpenLeadsThenTheLeastRecentlyAssignedThenPosition() {
        Candidate a = member("a", 0).withLoad(new Load(3, 0, NOON.minusSeconds(60)));
        Candidate b = member("b", 1).withLoad(new Load(1, 0, NOON.minusSeconds(10)));
        Candidate c = member("c", 2).withLoad(new Load(1, 0, NOON.minusSeconds(20)));
        Candidate d = member("d", 3).withLoad(new Load(1, 0, null));
        Selection selection = Distribution.select(pool(LEAST_LOADED, a, b, c, d), NOON);
        assertThat(selection.sdrId()).contains("d"); // never assigned comes first among the least loaded
        assertThat(reasons(selection)).isEqualTo("a b c d*");
        assertThat(Distribution.select(pool(LEAST_LOADED, a, b, c), NOON).sdrId()).contains("c");
        assertThat(Distribution.select(pool(LEAST_LOADED, a, b.withLoad(new Load(1, 0, null)),
                c.withLoad(new Load(1, 0, null))), NOON).sdrId()).contains("b");
        // From nothing, with loads fed back: a, b, c, then the same again (all tied on load, a longest ago).
        assertThat(run(pool(LEAST_LOADED, member("a", 0), member("b", 1), member("c", 2)), 6))
                .containsExactly("a", "b", "c", "a", "b", "c");
        assertThat(run(pool(LEAST_LOADED, a, b, c, d), 5)).containsExactly("d", "c", "b", "d", "c");
    }

    @Test
    void capsSkipWithTheirReasonAndABurstNeverExceedsThem() {
        Candidate openCapped = member("a", 0).withCaps(new Caps(2, null)).withLoad(new Load(2, 0, null));
        Candidate dailyCapped = member("b", 1).withCaps(new Caps(null, 5)).withLoad(new Load(0, 5, null));
        Selection selection = Distribution.select(pool(STRICT_ROUND_ROBIN, openCapped, dailyCapped, member("c", 2)), NOON);
        assertThat(reasons(selection)).isEqualTo("a:at_open_cap b:at_daily_cap c*");

        PoolState burst = pool(WEIGHTED_ROUND_ROBIN, member("a", 0).withWeight(3).withCaps(new Caps(4, null)),
                member("b", 1).withCaps(new Caps(null, 2)), member("c", 2).withCaps(new Caps(3, 3)));
        List<String> sequence = run(burst, 12);
        Map<String, Long> counts = sequence.stream().filter(s -> !s.equals("-"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(counts).containsOnly(Map.entry("a", 4L), Map.entry("b", 2L), Map.entry("c", 3L));
        assertThat(sequence.subList(9, 12)).containsOnly("-");
    }

    @Test
    void whenEveryoneIsSkippedNobodyGetsTheLeadAndEveryReasonIsRecorded() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        WorkingHours nineToFive = WorkingHours.of(Map.of(DayOfWeek.THURSDAY, List.of(Shift.parse("09:00-17:00"))));
        Candidate away = member("a", 0).withAvailability(Availability.of(paris, WorkingHours.always(), Set.of(),
                List.of(new OutOfOffice(NOON.minusSeconds(3600), NOON.plus(Duration.ofDays(2)))), true, false));
        Candidate offDuty = member("b", 1).withAvailability(Availability.of(paris, nineToFive, Set.of(), List.of(), true, false));
        Candidate full = member("c", 2).withCaps(new Caps(1, null)).withLoad(new Load(1, 1, NOON.minusSeconds(5)));
        Candidate doneToday = member("d", 3).withCaps(new Caps(null, 1)).withLoad(new Load(0, 1, NOON.minusSeconds(5)));
        Candidate paused = member("e", 4).withAvailability(Availability.always().paused(true));
        for (DistributionMethod method : DistributionMethod.values()) {
            PoolState pool = pool(method, away, offDuty, full, doneToday, paused);
            Selection selection = Distribution.select(pool, NOON);
            assertThat(selection.assigned()).isFalse();
            assertThat(reasons(selection)).as(method.name())
                    .isEqualTo("a:out_of_office b:outside_working_hours c:at_open_cap d:at_daily_cap e:paused");
            assertThat(selection.next()).isEqualTo(pool);
            // d's day ends at midnight UTC; b starts on Thursday at 09:00 in Paris; a is back in two days.
            assertThat(selection.retryAt()).contains(Instant.parse("2026-01-15T00:00:00Z"));
        }
        Selection laterRetry = Distribution.select(pool(STRICT_ROUND_ROBIN, away, offDuty, full, paused), NOON);
        assertThat(laterRetry.retryAt()).contains(Instant.parse("2026-01-15T08:00:00Z"));
        assertThat(Distribution.select(pool(LEAST_LOADED, full, paused), NOON).retryAt()).isEmpty();
        Selection empty = Distribution.select(pool(STRICT_ROUND_ROBIN), NOON);
        assertThat(empty.assigned()).isFalse();
        assertThat(empty.considered()).isEmpty();
        assertThat(empty.retryAt()).isEmpty();
    }

    @Test
    void aDailyCapIsCountedOnTheSdrsLocalDay() {
        // At 23:30 UTC it is already tomorrow in Tokyo: a capped SDR there is back at Tokyo's midnight after next.
        Availability tokyo = Availability.of(ZoneId.of("Asia/Tokyo"), WorkingHours.always(), Set.of(), List.of(), true, false);
        Candidate capped = member("t", 0).withAvailability(tokyo).withCaps(new Caps(null, 3)).withLoad(new Load(0, 3, null));
        Selection selection = Distribution.select(pool(STRICT_ROUND_ROBIN, capped), Instant.parse("2026-01-14T23:30:00Z"));
        assertThat(selection.retryAt()).contains(Instant.parse("2026-01-15T15:00:00Z"));
    }
}
