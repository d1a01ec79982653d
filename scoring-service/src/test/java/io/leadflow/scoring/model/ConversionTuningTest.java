package io.leadflow.scoring.model;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConversionTuningTest {

    private static final Instant AT = Instant.parse("2025-01-15T10:00:00Z");
    private static final ConversionTuning.Options OPTIONS = ConversionTuning.Options.defaults();

    @Test
    void keepsTheInteractionThatHelpsOnHeldOutLeads() {
        List<Outcome> train = Synthetic.interacting(3_000, 41);
        List<Outcome> test = Synthetic.interacting(3_000, 42);

        ConversionTuning.Tuned tuned = ConversionTuning.train(Synthetic.INTERACTING_SPEC, train,
                LogisticRegression.Settings.defaults(), OPTIONS, AT);
        ConversionTuning.Tuned additive = ConversionTuning.train(Synthetic.INTERACTING_SPEC, train,
                LogisticRegression.Settings.defaults(), OPTIONS.withoutInteractions(), AT);

        assertThat(tuned.pairs()).first().isEqualTo(new AttributePair("channel", "region"));
        assertThat(tuned.model().features().names()).contains("channel = B × region = South");
        assertThat(OPTIONS.l2Grid()).contains(tuned.l2());
        assertThat(OPTIONS.interactionL2Grid()).contains(tuned.interactionL2());
        assertThat(tuned.model().info().trainedAt()).isEqualTo(AT);
        assertThat(tuned.summary()).contains("channel × region");
        assertThat(additive.pairs()).isEmpty();
        assertThat(additive.model().features().interactions()).isEmpty();
        Evaluation withPair = Evaluation.of(tuned.model(), test);
        Evaluation without = Evaluation.of(additive.model(), test);
        assertThat(withPair.auc()).isGreaterThan(without.auc() + 0.01);
        assertThat(withPair.logLoss()).isLessThan(without.logLoss());
    }

    @Test
    void keepsNoInteractionWhenLeadsAreAdditive() {
        ConversionTuning.Tuned tuned = ConversionTuning.train(Synthetic.SPEC.withBins(5), Synthetic.outcomes(3_000, 43),
                LogisticRegression.Settings.defaults(), OPTIONS, AT);

        assertThat(tuned.pairs()).isEmpty();
        assertThat(tuned.summary()).endsWith("0 interactions");
    }
}
