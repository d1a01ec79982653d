package io.leadflow.scoring.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** How long scoring one lead takes. Off by default: {@code -Dleadflow.benchmark=true}. */
@EnabledIfSystemProperty(named = "leadflow.benchmark", matches = "true")
class PredictionBenchmarkTest {

    @Test
    void scoringOneLeadTakesMicroseconds() {
        List<Outcome> outcomes = XEducation.outcomes();
        // the model as scoring-eval and the service train it: slope changes and interactions as tuned
        ConversionTuning.Tuned tuned = ConversionTuning.train(XEducation.MAPPING.featureSpec(), outcomes,
                LogisticRegression.Settings.defaults(), ConversionTuning.Options.defaults(), Instant.EPOCH);
        System.out.println("tuned: " + tuned.summary());
        ConversionModel lr = tuned.model();
        ConversionModel nb = NaiveBayes.train(XEducation.MAPPING.featureSpec(), outcomes, 1, Instant.EPOCH);
        for (ConversionModel model : List.of(lr, nb)) {
            double sink = 0;
            for (int round = 0; round < 20; round++) { // warm-up: let the JIT compile the scoring path
                for (Outcome o : outcomes) {
                    sink += model.probability(o.lead());
                }
            }
            long[] nanos = new long[outcomes.size() * 5];
            for (int i = 0; i < nanos.length; i++) {
                long start = System.nanoTime();
                sink += model.probability(outcomes.get(i % outcomes.size()).lead());
                nanos[i] = System.nanoTime() - start;
            }
            long factorsStart = System.nanoTime();
            for (Outcome o : outcomes) {
                sink += model.topFactors(o.lead(), 5).size();
            }
            double factorsMicros = (System.nanoTime() - factorsStart) / 1e3 / outcomes.size();
            Arrays.sort(nanos);
            double p50 = nanos[nanos.length / 2] / 1e3;
            double p99 = nanos[(int) (nanos.length * 0.99)] / 1e3;
            System.out.printf(Locale.ROOT, "%s: probability p50 %.2f us, p99 %.2f us; topFactors(5) mean %.2f us"
                    + " (%d features, checksum %.1f)%n", model.info().kind(), p50, p99, factorsMicros,
                    model.features().size(), sink);
            assertThat(p50).isLessThan(100);
        }
    }
}
