package io.leadflow.scoring.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
                    sink += model.probability(o.lead()) + model.topFactors(o.lead(), 3).size();
                }
            }
            long[] nanos = new long[outcomes.size() * 5];
            for (int i = 0; i < nanos.length; i++) {
                long start = System.nanoTime();
                sink += model.probability(outcomes.get(i % outcomes.size()).lead());
                nanos[i] = System.nanoTime() - start;
            }
            // what the service does per lead: the probability and the three factors weighing most
            long[] scoring = new long[outcomes.size() * 5];
            for (int i = 0; i < scoring.length; i++) {
                Map<String, Object> lead = outcomes.get(i % outcomes.size()).lead();
                long start = System.nanoTime();
                sink += model.probability(lead) + model.topFactors(lead, 3).size();
                scoring[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            Arrays.sort(scoring);
            double p50 = nanos[nanos.length / 2] / 1e3;
            double p99 = nanos[(int) (nanos.length * 0.99)] / 1e3;
            double withFactorsP50 = scoring[scoring.length / 2] / 1e3;
            double withFactorsP99 = scoring[(int) (scoring.length * 0.99)] / 1e3;
            System.out.printf(Locale.ROOT, "%s: probability p50 %.2f us, p99 %.2f us; with top 3 factors p50 %.2f us,"
                    + " p99 %.2f us (%d features, checksum %.1f)%n", model.info().kind(), p50, p99, withFactorsP50,
                    withFactorsP99, model.features().size(), sink);
            assertThat(withFactorsP50).isLessThan(100);
            assertThat(p50).isLessThan(100);
        }
    }
}
