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

    /** The demo roster's pool (pool "default" of the shipped rule set); routing itself follows the rule sets. */
    @WithDefault("default")
    String defaultPool();

    /** Inserts the demo roster (pool "default" with sdr-1, sdr-2, sdr-3) at start-up if it is missing. */
    @WithDefault("false")
    boolean seedDemoRoster();

    /** How often the SDR stream sends a heartbeat comment so that proxies keep the connection open. */
    @WithDefault("15s")
    Duration streamHeartbeat();

    /** The pools' hold queues. */
    Hold hold();

    interface Hold {

        /** How often each replica serves the waiting leads (the clock and people free SDRs between routings). */
        @WithDefault("1s")
        Duration sweepInterval();
    }

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

        /** What is sent when a lead changes hands (LeadReassigned). */
        Reassigned reassigned();

        interface Reassigned {

            /**
             * E-mails the previous owner a short notice (which lead, to whom, why) when RevOps, an SLA breach or an
             * escalation took it from them; never when they gave it back themselves (reason declined).
             */
            @WithDefault("true")
            boolean notifyPreviousOwner();
        }
    }

    /** How SDRs qualify a lead: the framework templates offered and the default one (README: Qualification). */
    QualificationSettings qualification();

    interface QualificationSettings {

        /** The template the inbox opens with and a qualify request without {@code framework} uses. */
        @WithDefault("bant")
        String template();

        /** The template ids SDRs may use, in the order the inbox offers them; absent = every known template. */
        java.util.Optional<java.util.List<String>> offered();

        /**
         * A JSON file of templates (an array of {id, label, fields: [{key, label, help, required, maxLength}]}) that
         * replace the shipped ones with the same id or add new ones; read and checked once at start-up.
         */
        java.util.Optional<java.nio.file.Path> templatesFile();
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
