package io.leadflow.scoring.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The learnt encoding of leads into feature vectors. Each attribute owns a contiguous block of
 * feature indices:
 * <ul>
 *   <li>categorical: one per kept value, then {@code __other__} (rare or unseen values), then
 *       {@code __missing__};</li>
 *   <li>numeric and count: the standardised value (0 when missing), {@code __missing__}, then one
 *       per bin when binned.</li>
 * </ul>
 * Then each {@link InteractionEncoding} owns a block: one feature per kept combination of two
 * attributes' levels, named by both ({@code Lead Origin = API × TotalVisits in [3, 5)}).
 * Immutable and thread-safe. {@link #dot} and {@link #encode} allocate nothing for a lead whose
 * values are spelt as in training, so scoring stays in the microseconds.
 */
public final class Features {

    public static final String OTHER = "__other__";
    public static final String MISSING = "__missing__";

    private final List<AttributeEncoding> encodings;
    private final Set<String> missingValues;
    private final AttributeEncoding[] attributes;
    private final int[] first;
    /** Per attribute, its slope knots standardised like its values. */
    private final double[][] knotZ;
    /** Per feature, the feature its contribution is shown under: a slope change under its attribute's linear term. */
    private final int[] shownAs;
    private final List<Map<String, Integer>> levelIndex;
    /** Per attribute, ASCII level keys and placeholders compared ignoring case: found without lower-casing. */
    private final List<Map<String, Integer>> caselessIndex;
    private final String[] names;
    private final int maxActive;
    private final List<InteractionEncoding> interactions;
    private final int attributeFeatures;
    private final int[] pairFirst;
    private final int[] pairSecond;
    private final int[] pairStart;
    /** Per interaction: combination (first level × width of second + second level) -> feature offset, -1 if not kept. */
    private final int[][] combination;

    private Features(List<AttributeEncoding> encodings, List<InteractionEncoding> interactions,
                     Set<String> missingValues) {
        this.encodings = List.copyOf(encodings);
        this.interactions = List.copyOf(interactions);
        Set<String> lowered = new LinkedHashSet<>();
        for (String value : missingValues) {
            lowered.add(key(value));
        }
        this.missingValues = Set.copyOf(lowered);
        this.attributes = this.encodings.toArray(AttributeEncoding[]::new);
        this.first = new int[attributes.length];
        this.knotZ = new double[attributes.length][];
        this.levelIndex = new ArrayList<>();
        this.caselessIndex = new ArrayList<>();
        List<String> featureNames = new ArrayList<>();
        int active = 0;
        for (int a = 0; a < attributes.length; a++) {
            AttributeEncoding e = attributes[a];
            first[a] = featureNames.size();
            knotZ[a] = new double[0];
            Map<String, Integer> index = new HashMap<>();
            if (e.categorical()) {
                for (int l = 0; l < e.levels().size(); l++) {
                    // Both spellings resolve without allocating: the key and the label seen most in training.
                    index.put(e.levels().get(l), l);
                    index.put(e.labels().get(l), l);
                    featureNames.add(e.attribute() + " = " + e.labels().get(l));
                }
                featureNames.add(e.attribute() + " = " + OTHER);
                featureNames.add(e.attribute() + " = " + MISSING);
                active += 1;
            } else {
                featureNames.add(e.attribute() + (e.logScale() ? " (log, standardised)" : " (standardised)"));
                featureNames.add(e.attribute() + " = " + MISSING);
                double[] edges = e.binEdges();
                for (int b = 0; b < e.bins(); b++) {
                    featureNames.add(e.attribute() + binName(edges, b));
                }
                knotZ[a] = new double[e.slopeKnots().length];
                for (int k = 0; k < knotZ[a].length; k++) {
                    knotZ[a][k] = standardise(e, e.slopeKnots()[k]);
                    featureNames.add(featureNames.get(first[a]) + " beyond " + format(e.slopeKnots()[k]));
                }
                active += (e.bins() > 0 ? 2 : 1) + knotZ[a].length;
            }
            levelIndex.add(index);
            caselessIndex.add(caseless(e, this.missingValues));
        }
        this.attributeFeatures = featureNames.size();
        int pairs = this.interactions.size();
        this.pairFirst = new int[pairs];
        this.pairSecond = new int[pairs];
        this.pairStart = new int[pairs];
        this.combination = new int[pairs][];
        Set<Set<String>> seen = new java.util.HashSet<>();
        for (int i = 0; i < pairs; i++) {
            InteractionEncoding interaction = this.interactions.get(i);
            int a = levelledAttribute(interaction.first());
            int b = levelledAttribute(interaction.second());
            if (!seen.add(Set.of(interaction.first(), interaction.second()))) {
                throw new IllegalArgumentException(interaction.first() + " × " + interaction.second() + " appears twice");
            }
            pairFirst[i] = a;
            pairSecond[i] = b;
            pairStart[i] = featureNames.size();
            int[] table = new int[attributes[a].width() * attributes[b].width()];
            Arrays.fill(table, -1);
            for (int c = 0; c < interaction.width(); c++) {
                int la = interaction.firstLevels()[c];
                int lb = interaction.secondLevels()[c];
                if (!isLevel(attributes[a], la) || !isLevel(attributes[b], lb) || table[la * attributes[b].width() + lb] >= 0) {
                    throw new IllegalArgumentException(interaction.first() + " × " + interaction.second()
                            + ": invalid or repeated combination " + la + ", " + lb);
                }
                table[la * attributes[b].width() + lb] = c;
                featureNames.add(featureNames.get(first[a] + la) + " × " + featureNames.get(first[b] + lb));
            }
            combination[i] = table;
        }
        this.names = featureNames.toArray(String[]::new);
        this.maxActive = active + pairs;
        this.shownAs = new int[names.length];
        for (int j = 0; j < names.length; j++) {
            shownAs[j] = j;
        }
        for (int a = 0; a < attributes.length; a++) {
            for (int k = 0; k < knotZ[a].length; k++) {
                shownAs[first[a] + 2 + attributes[a].bins() + k] = first[a];
            }
        }
        if (new LinkedHashSet<>(featureNames).size() != names.length) {
            throw new IllegalArgumentException("two features share a name: attribute names must be unique");
        }
    }

    /** Features from stored encodings (a model read back from JSON). */
    public static Features of(List<AttributeEncoding> encodings, Set<String> missingValues) {
        return new Features(encodings, List.of(), missingValues);
    }

    /** Features from stored encodings and interactions (a model read back from JSON). */
    public static Features of(List<AttributeEncoding> encodings, List<InteractionEncoding> interactions,
                              Set<String> missingValues) {
        return new Features(encodings, interactions, missingValues);
    }

    /** Learns the encoding of the spec's usable attributes from training leads. */
    public static Features learn(FeatureSpec spec, List<Map<String, Object>> leads) {
        Set<String> missing = new LinkedHashSet<>();
        for (String value : spec.missingValues()) {
            missing.add(key(value));
        }
        List<AttributeEncoding> encodings = new ArrayList<>();
        for (Attribute attribute : spec.usable()) {
            encodings.add(attribute.type() == AttributeType.CATEGORICAL
                    ? learnCategorical(attribute, leads, missing, spec.minCount())
                    : learnNumeric(attribute, leads, missing, spec.bins(), spec.slopeChanges()));
        }
        return new Features(encodings, List.of(), spec.missingValues());
    }

    /**
     * The same attribute encodings plus an interaction per pair, learnt from training leads: the
     * combinations of the two attributes' levels seen at least {@code minCount} times. Both
     * attributes must have levels (categorical, or numeric with bins).
     */
    public Features withInteractions(List<AttributePair> pairs, List<? extends Map<String, ?>> leads, int minCount) {
        List<InteractionEncoding> learnt = new ArrayList<>();
        for (AttributePair pair : pairs) {
            int a = levelledAttribute(pair.first());
            int b = levelledAttribute(pair.second());
            int widthB = attributes[b].width();
            int[] counts = new int[attributes[a].width() * widthB];
            for (Map<String, ?> lead : leads) {
                counts[levelOffset(a, lead) * widthB + levelOffset(b, lead)]++;
            }
            List<Integer> kept = new ArrayList<>();
            for (int k = 0; k < counts.length; k++) {
                if (counts[k] >= minCount) {
                    kept.add(k);
                }
            }
            learnt.add(new InteractionEncoding(pair.first(), pair.second(),
                    kept.stream().mapToInt(k -> k / widthB).toArray(), kept.stream().mapToInt(k -> k % widthB).toArray()));
        }
        return new Features(encodings, learnt, missingValues);
    }

    /** Whether an attribute can take part in an interaction: it has discrete levels. */
    public boolean hasLevels(int attribute) {
        return attributes[attribute].categorical() || attributes[attribute].bins() > 0;
    }

    /** The index of an attribute by name, -1 when it is not encoded. */
    public int attributeIndex(String name) {
        for (int a = 0; a < attributes.length; a++) {
            if (attributes[a].attribute().equals(name)) {
                return a;
            }
        }
        return -1;
    }

    private int levelledAttribute(String name) {
        int a = attributeIndex(name);
        if (a < 0 || !hasLevels(a)) {
            throw new IllegalArgumentException(name + " is not an encoded attribute with levels: it cannot interact");
        }
        return a;
    }

    private static boolean isLevel(AttributeEncoding e, int offset) {
        return e.categorical() ? offset >= 0 && offset < e.width() : offset >= 1 && offset < 2 + e.bins();
    }

    private static AttributeEncoding learnCategorical(Attribute attribute, List<Map<String, Object>> leads,
                                                      Set<String> missing, int minCount) {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Map<String, Integer>> spellings = new HashMap<>();
        for (Map<String, Object> lead : leads) {
            Object raw = lead.get(attribute.name());
            if (raw == null) {
                continue;
            }
            String spelling = raw.toString().trim();
            String key = key(spelling);
            if (key.isEmpty() || missing.contains(key)) {
                continue;
            }
            counts.merge(key, 1, Integer::sum);
            spellings.computeIfAbsent(key, k -> new TreeMap<>()).merge(spelling, 1, Integer::sum);
        }
        List<String> kept = counts.entrySet().stream()
                .filter(c -> c.getValue() >= minCount)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .toList();
        List<String> labels = kept.stream()
                .map(k -> spellings.get(k).entrySet().stream()
                        .max(Map.Entry.<String, Integer>comparingByValue()
                                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                        .orElseThrow().getKey())
                .toList();
        return new AttributeEncoding(attribute.name(), AttributeType.CATEGORICAL, kept, labels,
                false, 0, 0, 0, 1, null, null);
    }

    private static AttributeEncoding learnNumeric(Attribute attribute, List<Map<String, Object>> leads,
                                                  Set<String> missing, int bins, boolean slopeChanges) {
        double[] values = leads.stream()
                .mapToDouble(lead -> number(lead.get(attribute.name()), missing))
                .filter(v -> !Double.isNaN(v))
                .sorted()
                .toArray();
        if (values.length == 0) {
            return new AttributeEncoding(attribute.name(), attribute.type(), null, null, false, 0, 0, 0, 1, null, null);
        }
        // Counts always, other measures only when non-negative and right-skewed: log1p tames the
        // long tail (251 visits against a median of 3) so a few outliers do not set the slope.
        boolean log = attribute.type() == AttributeType.COUNT
                || (values[0] >= 0 && skewness(values) > 1);
        double[] t = Arrays.stream(values).map(v -> transform(v, log)).toArray();
        // Clip to the central 99% so an unseen extreme at prediction cannot dominate the score.
        double low = t[(int) Math.floor(0.005 * (t.length - 1))];
        double high = t[(int) Math.ceil(0.995 * (t.length - 1))];
        double sum = 0;
        for (int i = 0; i < t.length; i++) {
            t[i] = Math.max(low, Math.min(high, t[i]));
            sum += t[i];
        }
        double mean = sum / t.length;
        double squares = 0;
        for (double v : t) {
            squares += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(squares / t.length);
        double[] edges = bins > 1 ? edges(values, bins) : null;
        // A knot at or past the clipping bounds would give a feature that never moves.
        double[] knots = !slopeChanges || edges == null ? null : Arrays.stream(edges)
                .filter(edge -> transform(edge, log) > low && transform(edge, log) < high).toArray();
        return new AttributeEncoding(attribute.name(), attribute.type(), null, null, log, low, high, mean,
                sd > 1e-12 ? sd : 1, edges, knots);
    }

    /**
     * Equal-frequency cut points on sorted values. Lead data has heavy ties (a quarter of leads
     * have 0 visits), so each cut goes to the boundary between distinct values nearest to its
     * target quantile; cuts landing on the same boundary merge.
     */
    static double[] edges(double[] sorted, int bins) {
        List<Double> distinct = new ArrayList<>();
        List<Integer> below = new ArrayList<>(); // values strictly below each distinct value
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                distinct.add(sorted[i]);
                below.add(i);
            }
        }
        Set<Double> cuts = new LinkedHashSet<>();
        for (int k = 1; k < bins; k++) {
            double target = (double) k * sorted.length / bins;
            int best = -1;
            double bestGap = Double.MAX_VALUE;
            for (int j = 1; j < distinct.size(); j++) {
                double gap = Math.abs(below.get(j) - target);
                if (gap < bestGap) {
                    bestGap = gap;
                    best = j;
                }
            }
            if (best > 0) {
                cuts.add(distinct.get(best));
            }
        }
        return cuts.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    public List<AttributeEncoding> encodings() {
        return encodings;
    }

    public List<InteractionEncoding> interactions() {
        return interactions;
    }

    /** The interacting pairs, in feature order. */
    public List<AttributePair> pairs() {
        return interactions.stream().map(i -> new AttributePair(i.first(), i.second())).toList();
    }

    /**
     * Features below this index are the attributes' own; from it on, interactions. The two groups
     * can carry different penalties: an interaction has fewer leads behind each weight.
     */
    public int attributeFeatures() {
        return attributeFeatures;
    }

    /** The placeholders read as missing, lower-cased. */
    public Set<String> missingValues() {
        return missingValues;
    }

    /** Number of features (the intercept is not one). */
    public int size() {
        return names.length;
    }

    /** The readable name of a feature, e.g. {@code Lead Source = Reference}. */
    public String name(int feature) {
        return names[feature];
    }

    public List<String> names() {
        return List.of(names);
    }

    /**
     * The feature whose name a feature's contribution is shown under in a lead's factors: itself,
     * except a slope change, shown with its attribute's linear term. Alone, the pieces of a bending
     * effect read as large opposite pushes ({@code beyond 367: +3.8}, {@code beyond 703: -2.5});
     * summed, they are what the measure's value does to this lead.
     */
    public int shownAs(int feature) {
        return shownAs[feature];
    }

    /** The most features one lead can activate: the capacity {@link #encode} needs. */
    public int maxActive() {
        return maxActive;
    }

    public int attributeCount() {
        return attributes.length;
    }

    /**
     * Writes the lead's active features into {@code index}/{@code value} (capacity {@link #maxActive()})
     * and returns how many there are, in ascending index order (batch training relies on it).
     */
    public int encode(Map<String, ?> lead, int[] index, double[] value) {
        int n = 0;
        for (int a = 0; a < attributes.length; a++) {
            AttributeEncoding e = attributes[a];
            Object raw = lead.get(e.attribute());
            if (e.categorical()) {
                index[n] = first[a] + categoryOffset(a, raw);
                value[n++] = 1;
                continue;
            }
            double x = number(raw, missingValues);
            if (Double.isNaN(x)) {
                index[n] = first[a] + 1;
                value[n++] = 1;
                continue;
            }
            double z = standardise(e, x);
            index[n] = first[a];
            value[n++] = z;
            if (e.bins() > 0) {
                index[n] = first[a] + 2 + bin(e.binEdges(), x);
                value[n++] = 1;
            }
            double[] knots = knotZ[a];
            for (int k = 0; k < knots.length && z > knots[k]; k++) {
                index[n] = first[a] + 2 + e.bins() + k;
                value[n++] = z - knots[k];
            }
        }
        for (int i = 0; i < pairStart.length; i++) {
            int c = combinationOf(i, lead);
            if (c >= 0) {
                index[n] = pairStart[i] + c;
                value[n++] = 1;
            }
        }
        return n;
    }

    /** The dot product of the lead's features with {@code weights} (indexed like the features). */
    public double dot(Map<String, ?> lead, double[] weights) {
        double sum = 0;
        for (int a = 0; a < attributes.length; a++) {
            AttributeEncoding e = attributes[a];
            Object raw = lead.get(e.attribute());
            if (e.categorical()) {
                sum += weights[first[a] + categoryOffset(a, raw)];
                continue;
            }
            double x = number(raw, missingValues);
            if (Double.isNaN(x)) {
                sum += weights[first[a] + 1];
                continue;
            }
            double z = standardise(e, x);
            sum += weights[first[a]] * z;
            if (e.bins() > 0) {
                sum += weights[first[a] + 2 + bin(e.binEdges(), x)];
            }
            double[] knots = knotZ[a];
            for (int k = 0; k < knots.length && z > knots[k]; k++) {
                sum += weights[first[a] + 2 + e.bins() + k] * (z - knots[k]);
            }
        }
        for (int i = 0; i < pairStart.length; i++) {
            int c = combinationOf(i, lead);
            if (c >= 0) {
                sum += weights[pairStart[i] + c];
            }
        }
        return sum;
    }

    /** The kept combination of interaction {@code i} the lead falls in, -1 for none. */
    private int combinationOf(int i, Map<String, ?> lead) {
        int b = pairSecond[i];
        return combination[i][levelOffset(pairFirst[i], lead) * attributes[b].width() + levelOffset(b, lead)];
    }

    /**
     * The discrete level of one attribute for a lead, as a feature index: the value (or
     * {@code __other__}/{@code __missing__}) for a categorical attribute, the bin (or
     * {@code __missing__}) for a binned numeric one. What naive Bayes counts.
     */
    public int level(Map<String, ?> lead, int attribute) {
        return first[attribute] + levelOffset(attribute, lead);
    }

    /** {@link #level} as an offset inside the attribute's block of features. */
    int levelOffset(int attribute, Map<String, ?> lead) {
        AttributeEncoding e = attributes[attribute];
        Object raw = lead.get(e.attribute());
        if (e.categorical()) {
            return categoryOffset(attribute, raw);
        }
        if (e.bins() == 0) {
            throw new IllegalStateException(e.attribute() + " is not binned: it has no discrete level");
        }
        double x = number(raw, missingValues);
        return Double.isNaN(x) ? 1 : 2 + bin(e.binEdges(), x);
    }

    /** The feature indices an attribute's levels can take (see {@link #level}). */
    public int[] levels(int attribute) {
        AttributeEncoding e = attributes[attribute];
        if (e.categorical()) {
            return java.util.stream.IntStream.range(first[attribute], first[attribute] + e.width()).toArray();
        }
        int[] levels = new int[e.bins() + 1];
        levels[0] = first[attribute] + 1;
        for (int b = 0; b < e.bins(); b++) {
            levels[b + 1] = first[attribute] + 2 + b;
        }
        return levels;
    }

    private int categoryOffset(int attribute, Object raw) {
        AttributeEncoding e = attributes[attribute];
        if (raw == null) {
            return e.levels().size() + 1;
        }
        String text = raw instanceof String s ? s : raw.toString();
        Integer hit = levelIndex.get(attribute).get(text);
        if (hit != null) {
            return hit;
        }
        if (plainAscii(text)) {
            // "Select" and other spellings: lower-casing each one was most of the training time
            hit = caselessIndex.get(attribute).get(text);
            return hit != null ? hit : e.levels().size();
        }
        String key = key(text);
        if (key.isEmpty() || missingValues.contains(key)) {
            return e.levels().size() + 1;
        }
        hit = levelIndex.get(attribute).get(key);
        return hit != null ? hit : e.levels().size();
    }

    /**
     * Level keys and missing placeholders that are ASCII, compared ignoring case: for ASCII text
     * without surrounding spaces this finds exactly what lower-casing and looking up would.
     */
    private static Map<String, Integer> caseless(AttributeEncoding e, Set<String> missing) {
        Map<String, Integer> index = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (!e.categorical()) {
            return index;
        }
        for (int l = 0; l < e.levels().size(); l++) {
            if (plainAscii(e.levels().get(l))) {
                index.put(e.levels().get(l), l);
            }
        }
        for (String placeholder : missing) { // a placeholder wins over a level, as in the lower-cased path
            if (plainAscii(placeholder)) {
                index.put(placeholder, e.levels().size() + 1);
            }
        }
        return index;
    }

    /** Non-empty ASCII without leading or trailing spaces (what {@link String#trim} would remove). */
    private static boolean plainAscii(String text) {
        int n = text.length();
        if (n == 0 || text.charAt(0) <= ' ' || text.charAt(n - 1) <= ' ') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (text.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    private static double standardise(AttributeEncoding e, double x) {
        double t = transform(x, e.logScale());
        t = Math.max(e.low(), Math.min(e.high(), t));
        return (t - e.mean()) / e.sd();
    }

    private static int bin(double[] edges, double x) {
        int b = 0;
        while (b < edges.length && x >= edges[b]) {
            b++;
        }
        return b;
    }

    private static double transform(double x, boolean log) {
        return log ? Math.log1p(Math.max(0, x)) : x;
    }

    /** A number from a lead value: Number, or numeric text; NaN when missing or unreadable. */
    static double number(Object raw, Set<String> missing) {
        if (raw instanceof Number n) {
            double v = n.doubleValue();
            return Double.isInfinite(v) ? Double.NaN : v;
        }
        if (raw == null) {
            return Double.NaN;
        }
        String text = raw.toString().trim();
        if (text.isEmpty() || missing.contains(key(text))) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(text);
            return Double.isInfinite(v) ? Double.NaN : v;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String key(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }

    private static double skewness(double[] values) {
        double mean = Arrays.stream(values).average().orElse(0);
        double m2 = 0;
        double m3 = 0;
        for (double v : values) {
            double d = v - mean;
            m2 += d * d;
            m3 += d * d * d;
        }
        m2 /= values.length;
        m3 /= values.length;
        return m2 == 0 ? 0 : m3 / Math.pow(m2, 1.5);
    }

    private static String binName(double[] edges, int b) {
        if (b == 0) {
            return " < " + format(edges[0]);
        }
        if (b == edges.length) {
            return " >= " + format(edges[b - 1]);
        }
        return " in [" + format(edges[b - 1]) + ", " + format(edges[b]) + ")";
    }

    private static String format(double v) {
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
