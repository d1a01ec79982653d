package io.leadflow.scoring.model;

import java.util.Objects;

/** Two lead attributes whose combined effect on conversion may differ from the sum of their own. */
public record AttributePair(String first, String second) {

    public AttributePair {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        if (first.equals(second)) {
            throw new IllegalArgumentException(first + " cannot pair with itself");
        }
    }

    @Override
    public String toString() {
        return first + " × " + second;
    }
}
