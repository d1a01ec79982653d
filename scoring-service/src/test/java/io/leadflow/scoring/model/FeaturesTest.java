package io.leadflow.scoring.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FeaturesTest {

    private static final FeatureSpec SPEC = new FeatureSpec(List.of(
            new Attribute("Lead Source", AttributeType.CATEGORICAL),
            new Attribute("TotalVisits", AttributeType.COUNT),
            new Attribute("Tags", AttributeType.CATEGORICAL)),
            Set.of("Tags"), Set.of("Select"), 3, 0);

    private static List<Map<String, Object>> leads() {
        List<Map<String, Object>> leads = new ArrayList<>();
        String[] sources = {"Google", "Google", "google", "Reference", "Reference", "Reference", "Facebook", "Select"};
        for (int i = 0; i < sources.length; i++) {
            Map<String, Object> lead = new HashMap<>();
            lead.put("Lead Source", sources[i]);
            lead.put("TotalVisits", (double) i);
            lead.put("Tags", "Will revert after reading the email");
            leads.add(lead);
        }
        leads.add(new HashMap<>(Map.of("Lead Source", "Google")));
        return leads;
    }

    @Test
    void excludedAttributesNeverBecomeFeatures() {
        Features features = Features.learn(SPEC, leads());

        assertThat(features.names()).noneMatch(name -> name.startsWith("Tags"));
        assertThat(features.encodings()).extracting(AttributeEncoding::attribute)
                .containsExactly("Lead Source", "TotalVisits");
    }

    @Test
    void categoricalValuesSeenOftenEnoughGetTheirOwnFeatureIgnoringCase() {
        Features features = Features.learn(SPEC, leads());

        // Google 4 (one spelt google), Reference 3: kept; Facebook 1: other; Select: missing
        assertThat(features.names()).startsWith("Lead Source = Google", "Lead Source = Reference",
                "Lead Source = __other__", "Lead Source = __missing__");
        assertThat(active(features, Map.of("Lead Source", "GOOGLE "))).containsEntry("Lead Source = Google", 1.0);
        assertThat(active(features, Map.of("Lead Source", "Facebook"))).containsKey("Lead Source = __other__");
        assertThat(active(features, Map.of("Lead Source", "never seen"))).containsKey("Lead Source = __other__");
        assertThat(active(features, Map.of("Lead Source", "select"))).containsKey("Lead Source = __missing__");
        assertThat(active(features, Map.of())).containsKey("Lead Source = __missing__");
    }

    @Test
    void countsAreLogScaledStandardisedAndFlaggedWhenMissing() {
        Features features = Features.learn(SPEC, leads());
        AttributeEncoding visits = features.encodings().get(1);

        assertThat(visits.logScale()).isTrue();
        assertThat(features.names()).contains("TotalVisits (log, standardised)", "TotalVisits = __missing__");
        double z = active(features, Map.of("TotalVisits", 3.0)).get("TotalVisits (log, standardised)");
        assertThat(z).isCloseTo((Math.log1p(3) - visits.mean()) / visits.sd(), within(1e-12));
        assertThat(active(features, Map.of("TotalVisits", "3"))).containsEntry("TotalVisits (log, standardised)", z);
        assertThat(active(features, Map.of())).containsEntry("TotalVisits = __missing__", 1.0)
                .doesNotContainKey("TotalVisits (log, standardised)");
    }

    @Test
    void outliersAreClippedToTheTrainingRange() {
        Features features = Features.learn(SPEC, leads());
        assertThat(active(features, Map.of("TotalVisits", 1e9)).get("TotalVisits (log, standardised)"))
                .isEqualTo(active(features, Map.of("TotalVisits", 7.0)).get("TotalVisits (log, standardised)"));
    }

    @Test
    void binsHaveEqualFrequencyAndCutBetweenDistinctValues() {
        // a quarter of zeros, as visits on lead data: the zeros get a bin of their own
        double[] sorted = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 6, 7, 8};
        assertThat(Features.edges(sorted, 4)).containsExactly(1, 3, 5);

        Features features = Features.learn(SPEC.withBins(4), leads());
        assertThat(features.names()).contains("TotalVisits < 2", "TotalVisits in [2, 4)", "TotalVisits >= 6");
        assertThat(active(features, Map.of("TotalVisits", 2.0))).containsEntry("TotalVisits in [2, 4)", 1.0);
    }

    @Test
    void dotIsTheSumOfTheActiveFeaturesWeights() {
        Features features = Features.learn(SPEC.withBins(3), leads());
        double[] weights = new double[features.size()];
        for (int j = 0; j < weights.length; j++) {
            weights[j] = j + 1;
        }
        Map<String, Object> lead = Map.of("Lead Source", "Reference", "TotalVisits", 4.0);
        double expected = 0;
        for (Map.Entry<String, Double> feature : active(features, lead).entrySet()) {
            expected += weights[features.names().indexOf(feature.getKey())] * feature.getValue();
        }
        assertThat(features.dot(lead, weights)).isCloseTo(expected, within(1e-12));
    }

    private static Map<String, Double> active(Features features, Map<String, ?> lead) {
        int[] index = new int[features.maxActive()];
        double[] value = new double[features.maxActive()];
        int n = features.encode(lead, index, value);
        Map<String, Double> named = new HashMap<>();
        for (int k = 0; k < n; k++) {
            named.put(features.name(index[k]), value[k]);
        }
        return named;
    }
}
