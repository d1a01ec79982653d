package io.leadflow.scoring.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InteractionSearchTest {

    private static final LogisticRegression.Settings SETTINGS = LogisticRegression.Settings.defaults()
            .withInteractionL2(3);

    @Test
    void thePairThatActsTogetherRanksFirstAndPairsThatDoNotSaveNothing() {
        List<InteractionSearch.Candidate> ranked = InteractionSearch.rank(Synthetic.INTERACTING_SPEC,
                Synthetic.interacting(3_000, 31), SETTINGS, 3, 7);

        assertThat(ranked).hasSize(6); // every pair of the four attributes
        assertThat(ranked.get(0).pair()).isEqualTo(new AttributePair("channel", "region"));
        assertThat(ranked.get(0).gain()).isGreaterThan(0.01);
        // the others have no joint effect: held out, they save at most a sliver
        assertThat(ranked.subList(1, ranked.size()))
                .allSatisfy(c -> assertThat(c.gain()).isLessThan(ranked.get(0).gain() / 10));
    }

    @Test
    void additiveLeadsHaveNoInteractionWorthKeeping() {
        // channel only, with x1 and x2 binned: nothing acts together in the synthetic model
        FeatureSpec spec = Synthetic.SPEC.withBins(5);
        List<InteractionSearch.Candidate> ranked = InteractionSearch.rank(spec, Synthetic.outcomes(3_000, 33),
                LogisticRegression.Settings.defaults().withInteractionL2(10), 3, 7);

        assertThat(ranked).hasSize(3).allSatisfy(c -> assertThat(c.gain()).isLessThan(0.002));
    }

    @Test
    void theRankingIsReproducible() {
        List<Outcome> outcomes = Synthetic.interacting(1_000, 35);
        assertThat(InteractionSearch.rank(Synthetic.INTERACTING_SPEC, outcomes, SETTINGS, 3, 5))
                .isEqualTo(InteractionSearch.rank(Synthetic.INTERACTING_SPEC, outcomes, SETTINGS, 3, 5));
    }
}
