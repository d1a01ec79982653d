package io.leadflow.sla.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** SLA policy and the breach scan. Business-hours calendars and per-pool policies come later. */
@ConfigMapping(prefix = "leadflow.sla")
public interface SlaConfig {

    /** How long after capture an assigned lead must be accepted before its first-touch SLA is breached. */
    @WithDefault("PT5M")
    Duration firstTouch();

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
