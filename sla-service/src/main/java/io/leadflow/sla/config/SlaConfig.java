package io.leadflow.sla.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

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

        /** How often the pipeline health (consumer lag, record ages, dead-letter depth) is sampled from Kafka. */
        @WithDefault("PT10S")
        Duration lagInterval();

        /** How many consecutive samples judge a consumer: STALLED when its committed offset stood still in all of them while lag was waiting. */
        @WithDefault("6")
        int stallSamples();

        /** Consumer groups whose name starts with one of these are left out of the lag (throw-away groups). */
        @WithDefault("routing-inbox-")
        List<String> ignoredGroupPrefixes();

        /** Topics whose name ends with this are dead-letter topics, measured for depth. */
        @WithDefault(".dlq")
        String deadLetterSuffix();
    }
}
