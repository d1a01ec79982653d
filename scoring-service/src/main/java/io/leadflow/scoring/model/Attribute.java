package io.leadflow.scoring.model;

import java.util.Objects;

/** A lead attribute the model may learn from: its name in the lead map and its type. */
public record Attribute(String name, AttributeType type) {

    public Attribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
