package io.leadflow.scoring.model;

import java.util.Map;
import java.util.Objects;

/** A closed lead: its attributes (String or number values, missing ones absent or null) and whether it was won. */
public record Outcome(Map<String, Object> lead, boolean won) {

    public Outcome {
        Objects.requireNonNull(lead, "lead");
    }
}
