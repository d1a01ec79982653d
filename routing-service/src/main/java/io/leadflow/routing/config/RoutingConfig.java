package io.leadflow.routing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Routing settings; routing rules (territories, segments, weights) move to a versioned admin API later. */
@ConfigMapping(prefix = "leadflow.routing")
public interface RoutingConfig {

    /** The lowest score (0-100) that earns a lead an SDR; below it the decision is recorded and nothing is published. */
    @WithDefault("40")
    int threshold();

    /** The round-robin pool every lead above the threshold is assigned in. */
    @WithDefault("default")
    String defaultPool();

    /** Inserts the demo roster (pool "default" with sdr-1, sdr-2, sdr-3) at start-up if it is missing. */
    @WithDefault("false")
    boolean seedDemoRoster();

    /** How often the SDR stream sends a heartbeat comment so that proxies keep the connection open. */
    @WithDefault("15s")
    Duration streamHeartbeat();

    /** How SDRs are told of a new lead besides the live inbox. */
    Notifications notifications();

    interface Notifications {

        /** Where the links in notifications point: this service as the SDRs' browsers reach it. */
        @WithDefault("http://localhost:8084")
        String publicUrl();

        /**
         * The key the accept links and the webhook secrets are derived from (base64, at least 32 bytes; from the
         * environment or a secret store). Required when e-mail or webhook notifications are on.
         */
        java.util.Optional<String> signingKey();

        /** How long an accept link works. */
        @WithDefault("P7D")
        Duration linkValidity();

        /** E-mail to the SDR (through quarkus.mailer.*: host, port, from, TLS, credentials) on every assignment. */
        @WithDefault("false")
        boolean email();

        /** Webhooks RevOps registers per SDR or pool (Slack-compatible JSON, HMAC-signed) on every assignment. */
        @WithDefault("false")
        boolean webhooks();

        /** Plain-http webhook URLs (for a local receiver); off, only https is accepted. */
        @WithDefault("false")
        boolean webhooksAllowHttp();

        /** How long one webhook delivery may take before it counts as failed (and is retried). */
        @WithDefault("5s")
        Duration webhookTimeout();
    }

    /** Where a lead goes when its SDR misses its SLA deadline (SlaBreached). */
    Reassignment reassignment();

    interface Reassignment {

        /**
         * At this many SLA breaches of one lead (at least 1) it goes to its pool's manager (an active SDR whose e-mail
         * is the pool's manager e-mail) instead of the next member of the pool.
         */
        @WithDefault("2")
        int escalateAfterBreaches();
    }
}
