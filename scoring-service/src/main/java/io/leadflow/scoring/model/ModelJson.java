package io.leadflow.scoring.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Models to and from JSON, for storing model versions (a jsonb column). Everything a prediction
 * needs travels: the feature encoding, the weights (keyed by readable feature name, so a stored
 * version can be read by a person) and the training metadata. Doubles are written in full
 * precision, so a model read back predicts exactly as the one written.
 * <p>
 * Format 2 added interactions (a list of {@link InteractionEncoding}s, their weights keyed like any
 * other feature) and {@code interactionL2} to logistic regression's settings. Format 1 versions
 * still load: they have no interactions, and their one {@code l2} stands for both penalties, as it
 * did when they were trained.
 */
public final class ModelJson {

    /** Bumped when the stored shape changes; older formats this code still reads are listed in {@link #READABLE}. */
    public static final int FORMAT = 2;
    static final Set<Integer> READABLE = Set.of(1, 2);

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ModelJson() {
    }

    public static String write(ConversionModel model) {
        return toTree(model).toString();
    }

    public static ConversionModel read(String json) {
        try {
            return fromTree(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a stored model: " + e.getOriginalMessage(), e);
        }
    }

    public static ObjectNode toTree(ConversionModel model) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("kind", model.info().kind());
        root.set("info", MAPPER.valueToTree(model.info()));
        root.set("missingValues", MAPPER.valueToTree(new TreeSet<>(model.features().missingValues())));
        root.set("attributes", MAPPER.valueToTree(model.features().encodings()));
        root.set("interactions", MAPPER.valueToTree(model.features().interactions()));
        Features features = model.features();
        if (model instanceof LogisticRegression lr) {
            root.set("settings", MAPPER.valueToTree(lr.settings()));
            root.put("intercept", lr.intercept());
            ObjectNode weights = root.putObject("weights");
            double[] w = lr.weights();
            for (int j = 0; j < w.length; j++) {
                weights.put(features.name(j), w[j]);
            }
        } else if (model instanceof NaiveBayes nb) {
            root.put("alpha", nb.alpha());
            ObjectNode counts = root.putObject("counts");
            int[] won = nb.wonCounts();
            int[] lost = nb.lostCounts();
            for (int j = 0; j < won.length; j++) {
                counts.putArray(features.name(j)).add(won[j]).add(lost[j]);
            }
        } else {
            throw new IllegalArgumentException("cannot store a " + model.getClass().getSimpleName());
        }
        return root;
    }

    public static ConversionModel fromTree(JsonNode root) {
        try {
            int format = root.path("format").asInt(-1);
            if (!READABLE.contains(format)) {
                throw new IllegalArgumentException("stored model format " + format + ", this code reads " + READABLE);
            }
            ModelInfo info = MAPPER.treeToValue(root.get("info"), ModelInfo.class);
            List<AttributeEncoding> encodings = new ArrayList<>();
            for (JsonNode a : root.withArray("attributes")) {
                encodings.add(MAPPER.treeToValue(a, AttributeEncoding.class));
            }
            Set<String> missing = new TreeSet<>();
            root.withArray("missingValues").forEach(m -> missing.add(m.asText()));
            List<InteractionEncoding> interactions = new ArrayList<>();
            for (JsonNode i : root.path("interactions")) {
                interactions.add(MAPPER.treeToValue(i, InteractionEncoding.class));
            }
            Features features = Features.of(encodings, interactions, missing);
            String kind = root.path("kind").asText();
            if (LogisticRegression.KIND.equals(kind)) {
                ObjectNode stored = ((ObjectNode) root.get("settings")).deepCopy();
                if (!stored.has("interactionL2")) {
                    stored.set("interactionL2", stored.get("l2")); // format 1: one penalty for every weight
                }
                LogisticRegression.Settings settings = MAPPER.treeToValue(stored, LogisticRegression.Settings.class);
                double[] w = new double[features.size()];
                JsonNode weights = root.get("weights");
                for (int j = 0; j < w.length; j++) {
                    w[j] = required(weights, features.name(j)).asDouble();
                }
                return LogisticRegression.of(features, root.get("intercept").asDouble(), w, settings, info);
            }
            if (NaiveBayes.KIND.equals(kind)) {
                int[] won = new int[features.size()];
                int[] lost = new int[features.size()];
                JsonNode counts = root.get("counts");
                for (int j = 0; j < won.length; j++) {
                    ArrayNode pair = (ArrayNode) required(counts, features.name(j));
                    won[j] = pair.get(0).asInt();
                    lost[j] = pair.get(1).asInt();
                }
                return NaiveBayes.of(features, root.get("alpha").asDouble(), won, lost, info);
            }
            throw new IllegalArgumentException("unknown model kind " + kind);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a stored model: " + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode required(JsonNode parent, String field) {
        JsonNode node = parent == null ? null : parent.get(field);
        if (node == null) {
            throw new IllegalArgumentException("stored model lacks feature " + field);
        }
        return node;
    }
}
