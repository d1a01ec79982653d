package io.leadflow.routing.domain;

import io.leadflow.routing.distribution.Candidate;
import io.leadflow.routing.distribution.DistributionMethod;
import io.leadflow.routing.distribution.PoolState;
import io.leadflow.routing.roster.Availability;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.leadflow.routing.domain.ReassignmentPolicy.Step.ESCALATE;
import static io.leadflow.routing.domain.ReassignmentPolicy.Step.KEEP_WITH_MANAGER;
import static io.leadflow.routing.domain.ReassignmentPolicy.Step.NEXT_MEMBER;
import static io.leadflow.routing.domain.ReassignmentPolicy.Step.NEXT_MEMBER_UNSTAFFED;
import static org.assertj.core.api.Assertions.assertThat;

class ReassignmentPolicyTest {

    static final Instant NOON = Instant.parse("2026-01-14T12:00:00Z");

    @Test
    void breachesBelowTheThresholdGoToTheNextMemberAndFromItToTheManager() {
        record Case(int breaches, int escalateAfter, String holder, String manager, ReassignmentPolicy.Step step) {
        }
        List<Case> cases = List.of(
                new Case(1, 2, "a", "boss", NEXT_MEMBER),
                new Case(2, 2, "a", "boss", ESCALATE),
                new Case(3, 2, "a", "boss", ESCALATE),
                new Case(1, 1, "a", "boss", ESCALATE),
                new Case(1, 3, "a", null, NEXT_MEMBER),
                new Case(2, 2, "a", null, NEXT_MEMBER_UNSTAFFED),
                new Case(2, 2, "boss", "boss", KEEP_WITH_MANAGER));
        for (Case c : cases) {
            assertThat(ReassignmentPolicy.onBreach(c.breaches(), c.escalateAfter(), c.holder(),
                    Optional.ofNullable(c.manager()))).as(c.toString()).isEqualTo(c.step());
        }
    }

    @Test
    void theNextMemberIsNeitherTheHolderNorADeclinerAndTheTurnMovesOnFromThem() {
        PoolState pool = new PoolState(DistributionMethod.STRICT_ROUND_ROBIN, 0,
                List.of(Candidate.of("a", 0), Candidate.of("b", 1), Candidate.of("c", 2), Candidate.of("d", 3)));

        // b would be next in turn, but holds the lead; c declined it before.
        ReassignmentPolicy.Pick pick = ReassignmentPolicy.nextMember(pool, Set.of("b", "c"), NOON);

        assertThat(pick.sdrId()).contains("d");
        assertThat(pick.among().members()).extracting(Candidate::sdrId).containsExactly("a", "d");
        assertThat(pick.selection().next().cursor()).isEqualTo(3);
    }

    @Test
    void nobodyIsPickedWhenEveryoneElseIsPassedOverOrUnavailable() {
        Candidate paused = Candidate.of("b", 1).withAvailability(Availability.always().paused(true));
        for (DistributionMethod method : DistributionMethod.values()) {
            PoolState pool = new PoolState(method, -1, List.of(Candidate.of("a", 0), paused));

            assertThat(ReassignmentPolicy.nextMember(pool, Set.of("a"), NOON).sdrId()).as(method.name()).isEmpty();
            assertThat(ReassignmentPolicy.nextMember(pool.withMembers(List.of(Candidate.of("a", 0))), Set.of("a"), NOON)
                    .sdrId()).as(method.name()).isEmpty();
        }
    }

    @Test
    void theBreachNoteSaysWhichDeadlineWasMissedAndHowOften() {
        Instant due = Instant.parse("2026-11-22T09:20:02.113Z");

        assertThat(ReassignmentPolicy.breachNote("first-touch", due, 1)).isEqualTo("first-touch deadline 2026-11-22T09:20:02.113Z missed");
        assertThat(ReassignmentPolicy.breachNote("first-touch", due, 2)).isEqualTo("first-touch deadline 2026-11-22T09:20:02.113Z missed (breach 2)");
    }
}
