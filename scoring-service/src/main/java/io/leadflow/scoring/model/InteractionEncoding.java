package io.leadflow.scoring.model;

import java.util.Objects;

/**
 * How two attributes act together, as learnt from training leads: the combinations of their levels
 * (a categorical value, {@code __other__} or {@code __missing__}; a numeric bin or {@code __missing__})
 * seen at least {@code minCount} times, each one feature. A lead in a kept combination gets that
 * feature; any other combination gets none and is scored by the two attributes' own features alone,
 * so a rare pairing cannot carry a weight learnt from a handful of leads.
 * <p>
 * Levels are offsets inside each attribute's block of features (see {@link Features}), so a stored
 * interaction reads back exactly against the stored attribute encodings.
 *
 * @param first        the first attribute's name
 * @param second       the second attribute's name
 * @param firstLevels  per kept combination, the first attribute's level offset
 * @param secondLevels per kept combination, the second attribute's level offset
 */
public record InteractionEncoding(String first, String second, int[] firstLevels, int[] secondLevels) {

    public InteractionEncoding {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        firstLevels = firstLevels == null ? new int[0] : firstLevels.clone();
        secondLevels = secondLevels == null ? new int[0] : secondLevels.clone();
        if (firstLevels.length != secondLevels.length) {
            throw new IllegalArgumentException(first + " × " + second + ": level lists differ in size");
        }
        if (first.equals(second)) {
            throw new IllegalArgumentException(first + " cannot interact with itself");
        }
    }

    /** Number of features: one per kept combination. */
    int width() {
        return firstLevels.length;
    }
}
