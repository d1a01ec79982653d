package io.leadflow.scoring.rules;

import java.util.Locale;

/** The three things a lead's score is made of, each with its own cap. */
public enum Dimension {
    /** Who the lead is: person, company, geography, e-mail quality. */
    FIT,
    /** What the lead did, in points per engagement that decay with the half-life. */
    ENGAGEMENT,
    /** Signals of buying now: demo-request and contact-sales forms, pricing-page visits. */
    INTENT;

    /** The name in rule-set JSON: {@code fit}, {@code engagement}, {@code intent}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Dimension fromJson(String name) {
        for (Dimension d : values()) {
            if (d.jsonName().equals(name)) {
                return d;
            }
        }
        return null;
    }
}
