package io.leadflow.scoring.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Leads drawn from a known logistic model: log-odds = -0.5 + 1.5 x1 - 1.0 x2 + (0 for A, 1.2 for B,
 * -0.8 for C), with x1, x2 standard normal. {@link #interacting} draws leads whose channel and
 * region act together.
 */
final class Synthetic {

    static final double INTERCEPT = -0.5;
    static final double X1 = 1.5;
    static final double X2 = -1.0;
    static final Map<String, Double> CHANNEL = Map.of("A", 0.0, "B", 1.2, "C", -0.8);

    static final FeatureSpec SPEC = new FeatureSpec(List.of(
            new Attribute("x1", AttributeType.NUMERIC),
            new Attribute("x2", AttributeType.NUMERIC),
            new Attribute("channel", AttributeType.CATEGORICAL)), Set.of(), Set.of(), 5, 0);

    /** Channel and region matter only together; size on its own; noise not at all. */
    static final FeatureSpec INTERACTING_SPEC = new FeatureSpec(List.of(
            new Attribute("channel", AttributeType.CATEGORICAL),
            new Attribute("region", AttributeType.CATEGORICAL),
            new Attribute("size", AttributeType.CATEGORICAL),
            new Attribute("noise", AttributeType.CATEGORICAL)), Set.of(), Set.of(), 5, 0);

    private Synthetic() {
    }

    /** One measure whose effect bends: log-odds = -1 + 2.5 max(0, x1), x1 standard normal; x2 is noise. */
    static List<Outcome> kinked(int n, long seed) {
        Random random = new Random(seed);
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double x1 = random.nextGaussian();
            Map<String, Object> lead = new HashMap<>();
            lead.put("x1", x1);
            lead.put("x2", random.nextGaussian());
            lead.put("channel", "A");
            outcomes.add(new Outcome(lead, random.nextDouble() < ConversionModel.sigmoid(-1 + 2.5 * Math.max(0, x1))));
        }
        return outcomes;
    }

    /**
     * Log-odds = -1 + (2.5 when channel is B and region is South) + (0.8 for size L, -0.8 for size
     * S): an effect no sum of the channel's and the region's own weights can express.
     */
    static List<Outcome> interacting(int n, long seed) {
        Random random = new Random(seed);
        String[] channels = {"A", "B", "C"};
        String[] regions = {"North", "South"};
        String[] sizes = {"S", "M", "L"};
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String channel = channels[random.nextInt(3)];
            String region = regions[random.nextInt(2)];
            String size = sizes[random.nextInt(3)];
            double z = -1 + (channel.equals("B") && region.equals("South") ? 2.5 : 0)
                    + (size.equals("L") ? 0.8 : size.equals("S") ? -0.8 : 0);
            Map<String, Object> lead = new HashMap<>();
            lead.put("channel", channel);
            lead.put("region", region);
            lead.put("size", size);
            lead.put("noise", "n" + random.nextInt(4));
            outcomes.add(new Outcome(lead, random.nextDouble() < ConversionModel.sigmoid(z)));
        }
        return outcomes;
    }

    static List<Outcome> outcomes(int n, long seed) {
        Random random = new Random(seed);
        String[] channels = {"A", "B", "C"};
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double x1 = random.nextGaussian();
            double x2 = random.nextGaussian();
            String channel = channels[random.nextInt(3)];
            double z = INTERCEPT + X1 * x1 + X2 * x2 + CHANNEL.get(channel);
            Map<String, Object> lead = new HashMap<>();
            lead.put("x1", x1);
            lead.put("x2", x2);
            lead.put("channel", channel);
            outcomes.add(new Outcome(lead, random.nextDouble() < ConversionModel.sigmoid(z)));
        }
        return outcomes;
    }
}
