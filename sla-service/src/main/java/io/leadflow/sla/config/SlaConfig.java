package io.leadflow.sla.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Where the shipped SLA policies come from, and the clock scan. The policies themselves are data (admin API). */
@ConfigMapping(prefix = "leadflow.sla")
public interface SlaConfig {

    /**
     * The shipped SLA policy set, the first active one: a class-path resource or a file path. Later sets are
     * created and activated through the admin API.
     */
    @WithDefault("sla/default-policies.json")
    String policies();

    /** How often each replica scans for due clocks. */
    @WithDefault("PT0.25S")
    Duration scanInterval();

    /** At most this many clocks are claimed and breached in one transaction. */
    @WithDefault("100")
    int scanBatch();

    /** RevOps views. */
    Ops ops();

    interface Ops {
        /** How long the lag endpoint waits for Kafka before it answers 503. */
        @WithDefault("PT5S")
        Duration lagTimeout();

        /** The most breaches one request may list. */
        @WithDefault("500")
        int maxBreaches();
    }
}
