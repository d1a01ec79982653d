package io.leadflow.routing.rules;

/** Which rules decided a lead: A (the rule set's rules) or B (its experiment's). */
public enum Variant {
    A, B
}
