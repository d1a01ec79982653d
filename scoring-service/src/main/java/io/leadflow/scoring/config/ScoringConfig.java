package io.leadflow.scoring.config;

import io.smallrye.config.ConfigMapping;

import java.util.List;
import java.util.Map;

/** The default rule set, as configuration until rule sets become versioned data (admin API). */
@ConfigMapping(prefix = "leadflow.scoring")
public interface ScoringConfig {

    /** Recorded on every score, so a score can be traced to the rules that made it. */
    String ruleSetVersion();

    /** Points per rule name; a rule missing here does not fire. */
    Map<String, Integer> points();

    /** ISO country codes in the sales territory. */
    List<String> targetCountries();

    /** Form ids that express buying intent (demo request, contact sales, pricing). */
    List<String> intentForms();
}
