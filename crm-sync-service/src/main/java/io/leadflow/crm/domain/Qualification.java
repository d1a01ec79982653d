package io.leadflow.crm.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The SDR's qualification as routing's template recorded it: the framework ({@code bant}, {@code meddic},
 * {@code champ}, or one RevOps configured there) and the answers by field key. Stored with the opportunity as JSON.
 */
public record Qualification(String framework, Map<String, String> answers) {

    public static final String BANT = "bant";

    public Qualification {
        Objects.requireNonNull(framework, "qualification.framework");
        answers = answers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    }

    /** A qualification from before templates: the BANT answers. */
    public static Qualification of(Bant bant) {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("budget", bant.budget());
        answers.put("authority", bant.authority());
        answers.put("need", bant.need());
        answers.put("timeline", bant.timeline());
        answers.values().removeIf(Objects::isNull);
        return new Qualification(BANT, answers);
    }

    /** The framework without the answers, which describe the person (right to erasure). */
    public Qualification withoutAnswers() {
        return new Qualification(framework, Map.of());
    }
}
