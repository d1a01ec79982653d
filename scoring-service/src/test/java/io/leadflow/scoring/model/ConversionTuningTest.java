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
                LogisticRegression.Settings.defaults(), OPTIONS.l2Only(), AT);

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
    void choosesSlopeChangesWhenAMeasuresEffectBends() {
        FeatureSpec spec = Synthetic.SPEC.withBins(4);
        List<Outcome> train = Synthetic.kinked(4_000, 44);
        List<Outcome> test = Synthetic.kinked(4_000, 45);

        ConversionTuning.Tuned tuned = ConversionTuning.train(spec, train, LogisticRegression.Settings.defaults(),
                OPTIONS, AT);
        ConversionTuning.Tuned steps = ConversionTuning.train(spec, train, LogisticRegression.Settings.defaults(),
                OPTIONS.l2Only(), AT);

        assertThat(tuned.slopeChanges()).isTrue();
        assertThat(tuned.model().info().hyperParameters()).containsEntry("slopeChanges", 1.0);
        assertThat(steps.slopeChanges()).isFalse();
        assertThat(steps.model().features().names()).noneMatch(name -> name.contains(" beyond "));
        assertThat(Evaluation.of(tuned.model(), test).logLoss()).isLessThan(Evaluation.of(steps.model(), test).logLoss());
    }

    @Test
    void keepsNoInteractionWhenLeadsAreAdditive() {
        ConversionTuning.Tuned tuned = ConversionTuning.train(Synthetic.SPEC.withBins(5), Synthetic.outcomes(3_000, 43),
                LogisticRegression.Settings.defaults(), OPTIONS, AT);

        assertThat(tuned.pairs()).isEmpty();
        assertThat(tuned.summary()).endsWith("0 interactions");
    }
}
