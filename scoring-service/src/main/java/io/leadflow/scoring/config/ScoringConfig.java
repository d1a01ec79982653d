package io.leadflow.scoring.config;

import io.smallrye.config.ConfigMapping;

import java.util.List;

/** scoring-service's settings ({@code leadflow.scoring.*}); rule sets are data (admin API), not configuration. */
@ConfigMapping(prefix = "leadflow.scoring")
public interface ScoringConfig {

    /** The learned conversion model. */
    Model model();

    interface Model {

        /**
         * The leakage guard: attributes never learnt from, because they only exist after sales contact (a model fed
         * what the SDR found out learns the answer, not the lead). None of LeadAttributes' defaults is such an
         * attribute; list here any later added that is.
         */
        java.util.Optional<List<String>> excludedAttributes();

        /** A category seen fewer times than this in training is "other". */
        @io.smallrye.config.WithDefault("20")
        int minCount();

        /** Equal-frequency bins per numeric attribute (0: linear). */
        @io.smallrye.config.WithDefault("5")
        int bins();

        /** Outcomes needed before a model is trained. */
        @io.smallrye.config.WithDefault("50")
        int minOutcomes();

        /** Cross-validation folds for a model's metrics. */
        @io.smallrye.config.WithDefault("5")
        int folds();

        /**
         * Disqualification reasons that are not a lost outcome: the SDR ruled out the record, not the lead (a
         * duplicate of another lead, the wrong person). Every other reason teaches the model "lost".
         */
        @io.smallrye.config.WithDefault("duplicate,wrong_contact")
        List<String> disqualificationReasonsNotLearnt();

        /** How often a replica looks for a new champion or its online updates. */
        @io.smallrye.config.WithDefault("PT30S")
        java.time.Duration refreshInterval();
    }
}
