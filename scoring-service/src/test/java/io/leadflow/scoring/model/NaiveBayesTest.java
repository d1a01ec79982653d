package io.leadflow.scoring.model;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NaiveBayesTest {

    private static final Instant AT = Instant.parse("2025-01-15T10:00:00Z");
    private static final FeatureSpec SOURCE_ONLY = new FeatureSpec(
            List.of(new Attribute("Lead Source", AttributeType.CATEGORICAL)), Set.of(), Set.of(), 1, 0);

    private static List<Outcome> outcomes() {
        List<Outcome> outcomes = new ArrayList<>();
        // Reference: 3 won, 1 lost; Google: 1 won, 3 lost
        for (String source : List.of("Reference", "Reference", "Reference", "Google")) {
            outcomes.add(new Outcome(Map.of("Lead Source", source), true));
        }
        for (String source : List.of("Reference", "Google", "Google", "Google")) {
            outcomes.add(new Outcome(Map.of("Lead Source", source), false));
        }
        return outcomes;
    }

    @Test
    void logOddsArePriorPlusLaplaceSmoothedLikelihoodRatios() {
        NaiveBayes model = NaiveBayes.train(SOURCE_ONLY, outcomes(), 1.0, AT);

        // levels: Reference, Google, __other__, __missing__ -> 4; P(Reference|won) = (3+1)/(4+4), P(Reference|lost) = (1+1)/(4+4)
        double expected = Math.log((4 + 1.0) / (4 + 1.0)) + Math.log((4.0 / 8) / (2.0 / 8));
        assertThat(model.logOdds(Map.of("Lead Source", "Reference"))).isCloseTo(expected, within(1e-12));
        assertThat(model.probability(Map.of("Lead Source", "Reference"))).isCloseTo(2.0 / 3, within(1e-12));
        // an unseen source: (0+1)/8 on both sides, the prior alone
        assertThat(model.logOdds(Map.of("Lead Source", "Bing"))).isCloseTo(0, within(1e-12));
        assertThat(model.topFactors(Map.of("Lead Source", "Google"), 3))
                .containsExactly(new Factor("Lead Source = Google", Math.log(0.5)));
    }

    @Test
    void numericAttributesAreBinnedEvenWhenTheSpecAsksForNoBins() {
        NaiveBayes model = NaiveBayes.train(Synthetic.SPEC, Synthetic.outcomes(3_000, 1), 1.0, AT);

        assertThat(model.info().hyperParameters()).containsEntry("bins", (double) NaiveBayes.DEFAULT_BINS);
        assertThat(model.features().names()).anyMatch(name -> name.startsWith("x1 in ["));
        assertThat(Evaluation.of(model, Synthetic.outcomes(3_000, 2)).auc()).isGreaterThan(0.75);
    }

    @Test
    void anUpdateCountsLikeRetrainingWithTheOutcome() {
        List<Outcome> outcomes = outcomes();
        NaiveBayes updated = NaiveBayes.train(SOURCE_ONLY, outcomes, 1.0, AT).update(Map.of("Lead Source", "Google"), true);
        outcomes.add(new Outcome(Map.of("Lead Source", "Google"), true));
        NaiveBayes retrained = NaiveBayes.train(SOURCE_ONLY, outcomes, 1.0, AT);

        assertThat(updated.logOdds(Map.of("Lead Source", "Google")))
                .isCloseTo(retrained.logOdds(Map.of("Lead Source", "Google")), within(1e-12));
        assertThat(updated.info().outcomes()).isEqualTo(9);
    }
}
