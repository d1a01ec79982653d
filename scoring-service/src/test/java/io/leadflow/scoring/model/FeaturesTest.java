package io.leadflow.scoring.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
        // any spelling, without lower-casing on the way (ASCII) or with it (spaces, other scripts)
        assertThat(active(features, Map.of("Lead Source", "rEfErEnCe"))).containsKey("Lead Source = Reference");
        assertThat(active(features, Map.of("Lead Source", "SELECT"))).containsKey("Lead Source = __missing__");
        assertThat(active(features, Map.of("Lead Source", " Select"))).containsKey("Lead Source = __missing__");
        assertThat(active(features, Map.of("Lead Source", "Référence"))).containsKey("Lead Source = __other__");
        assertThat(active(features, Map.of("Lead Source", ""))).containsKey("Lead Source = __missing__");
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

    @Test
    void slopeChangesAtTheBinEdgesMakeTheEffectPiecewiseLinear() {
        List<Map<String, Object>> leads = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            leads.add(Map.of("Minutes", (double) i));
        }
        FeatureSpec spec = new FeatureSpec(List.of(new Attribute("Minutes", AttributeType.NUMERIC)), Set.of(), Set.of(),
                1, 4, true);
        Features features = Features.learn(spec, leads);
        AttributeEncoding minutes = features.encodings().get(0);

        assertThat(minutes.binEdges()).containsExactly(25, 50, 75);
        assertThat(minutes.slopeKnots()).containsExactly(25, 50, 75);
        assertThat(features.names()).contains("Minutes (standardised) beyond 25", "Minutes (standardised) beyond 75");
        assertThat(features.maxActive()).isEqualTo(2 + 3);
        double z60 = active(features, Map.of("Minutes", 60.0)).get("Minutes (standardised)");
        double z50 = active(features, Map.of("Minutes", 50.0)).get("Minutes (standardised)");
        assertThat(active(features, Map.of("Minutes", 60.0)))
                .containsEntry("Minutes (standardised) beyond 50", z60 - z50)
                .containsKey("Minutes (standardised) beyond 25")
                .doesNotContainKey("Minutes (standardised) beyond 75");
        assertThat(active(features, Map.of("Minutes", 10.0))).hasSize(2); // the value and its bin

        // a weight on one slope change alone: flat up to the knot, then a straight line
        double[] weights = new double[features.size()];
        weights[features.names().indexOf("Minutes (standardised) beyond 50")] = 1;
        assertThat(features.dot(Map.of("Minutes", 40.0), weights)).isZero();
        assertThat(features.dot(Map.of("Minutes", 50.0), weights)).isZero();
        double step = features.dot(Map.of("Minutes", 60.0), weights);
        assertThat(step).isPositive();
        assertThat(features.dot(Map.of("Minutes", 70.0), weights)).isCloseTo(2 * step, within(1e-12));
        // without slope changes, the same spec gives bins only
        assertThat(Features.learn(spec.withSlopeChanges(false), leads).names()).noneMatch(n -> n.contains("beyond"));
    }

    private static final FeatureSpec ORIGIN_AND_OCCUPATION = new FeatureSpec(List.of(
            new Attribute("Lead Origin", AttributeType.CATEGORICAL),
            new Attribute("Occupation", AttributeType.CATEGORICAL)), Set.of(), Set.of(), 2, 0);

    /** API × Student 3, API × Working 2, Form × Working 2, Form × Student 1, Form × (none) 2. */
    private static List<Map<String, Object>> originAndOccupation() {
        List<Map<String, Object>> leads = new ArrayList<>();
        String[][] rows = {{"API", "Student"}, {"API", "Student"}, {"API", "Student"}, {"API", "Working"},
                {"API", "Working"}, {"Form", "Working"}, {"Form", "Working"}, {"Form", "Student"}, {"Form", null},
                {"Form", null}};
        for (String[] row : rows) {
            Map<String, Object> lead = new HashMap<>();
            lead.put("Lead Origin", row[0]);
            if (row[1] != null) {
                lead.put("Occupation", row[1]);
            }
            leads.add(lead);
        }
        return leads;
    }

    @Test
    void anInteractionHasAFeaturePerCombinationSeenOftenEnoughNamedByBothLevels() {
        List<Map<String, Object>> leads = originAndOccupation();
        Features own = Features.learn(ORIGIN_AND_OCCUPATION, leads);
        Features features = own.withInteractions(List.of(new AttributePair("Lead Origin", "Occupation")), leads, 2);

        // Form × Student was seen once: under minCount 2, it has no feature of its own
        assertThat(features.names().subList(own.size(), features.size())).containsExactly(
                "Lead Origin = API × Occupation = Student",
                "Lead Origin = API × Occupation = Working",
                "Lead Origin = Form × Occupation = Working",
                "Lead Origin = Form × Occupation = __missing__");
        assertThat(features.attributeFeatures()).isEqualTo(own.size());
        assertThat(features.maxActive()).isEqualTo(own.maxActive() + 1);
        assertThat(features.pairs()).containsExactly(new AttributePair("Lead Origin", "Occupation"));
        assertThat(active(features, Map.of("Lead Origin", "api", "Occupation", "Student")))
                .containsEntry("Lead Origin = API × Occupation = Student", 1.0)
                .containsEntry("Lead Origin = API", 1.0)
                .containsEntry("Occupation = Student", 1.0);
        assertThat(active(features, Map.of("Lead Origin", "Form"))).containsKey("Lead Origin = Form × Occupation = __missing__");
        // a rare or unseen combination is scored by the attributes' own features alone
        assertThat(active(features, Map.of("Lead Origin", "Form", "Occupation", "Student"))).hasSize(2);
        assertThat(active(features, Map.of("Lead Origin", "Chat", "Occupation", "Student"))).hasSize(2);
    }

    @Test
    void aNumericAttributeInteractsThroughItsBins() {
        Features own = Features.learn(SPEC.withBins(3), leads());
        Features features = own.withInteractions(List.of(new AttributePair("Lead Source", "TotalVisits")), leads(), 1);

        Map<String, Double> reference = active(features, Map.of("Lead Source", "Reference", "TotalVisits", 4.0));
        String bin = reference.keySet().stream().filter(name -> name.startsWith("TotalVisits ") && !name.contains("("))
                .findFirst().orElseThrow();
        assertThat(reference).containsEntry("Lead Source = Reference × " + bin, 1.0);
        // the one Google lead without visits in training gives that combination its feature
        assertThat(active(features, Map.of("Lead Source", "Google")))
                .containsKey("Lead Source = Google × TotalVisits = __missing__");
        assertThat(active(features, Map.of("Lead Source", "Reference"))).hasSize(2);
    }

    @Test
    void dotCountsTheInteractionsLikeEncode() {
        List<Map<String, Object>> leads = originAndOccupation();
        Features features = Features.learn(ORIGIN_AND_OCCUPATION, leads)
                .withInteractions(List.of(new AttributePair("Occupation", "Lead Origin")), leads, 2);
        double[] weights = new double[features.size()];
        for (int j = 0; j < weights.length; j++) {
            weights[j] = Math.pow(2, j); // every subset of features sums differently
        }
        for (Map<String, Object> lead : leads) {
            double expected = 0;
            for (Map.Entry<String, Double> feature : active(features, lead).entrySet()) {
                expected += weights[features.names().indexOf(feature.getKey())] * feature.getValue();
            }
            assertThat(features.dot(lead, weights)).isEqualTo(expected);
        }
    }

    @Test
    void onlyEncodedAttributesWithLevelsInteractAndEachPairOnce() {
        Features features = Features.learn(SPEC, leads()); // TotalVisits not binned here
        List<Map<String, Object>> leads = leads();

        assertThatThrownBy(() -> features.withInteractions(List.of(new AttributePair("Lead Source", "Tags")), leads, 1))
                .hasMessageContaining("Tags");
        assertThatThrownBy(() -> features.withInteractions(List.of(new AttributePair("Lead Source", "TotalVisits")),
                leads, 1)).hasMessageContaining("TotalVisits");
        Features binned = Features.learn(SPEC.withBins(3), leads);
        assertThatThrownBy(() -> binned.withInteractions(List.of(new AttributePair("Lead Source", "TotalVisits"),
                new AttributePair("TotalVisits", "Lead Source")), leads, 1)).hasMessageContaining("twice");
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
