package io.leadflow.scoring.rules;

import java.util.Locale;

/** How hot a lead is, by total score against the rule set's {@code temperature} thresholds. */
public enum Temperature {
    COLD, WARM, HOT;

    /** The name in JSON and reports: {@code cold}, {@code warm}, {@code hot}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
