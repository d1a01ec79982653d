package io.leadflow.capture.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;


/** Capture settings; per-form settings are data (forms admin API), not configuration. */
@ConfigMapping(prefix = "leadflow.capture")
public interface CaptureConfig {

    /** Where a browser goes after a successful HTML form post to a form with no entry of its own. */
    @WithDefault("/thank-you.html")
    String thankYouUrl();

    /** Per client address limits of the public endpoints. */
    RateLimit rateLimit();

    interface RateLimit {
        /** Sustained submissions per second from one address. */
        @WithDefault("20")
        double perSecond();

        /** Submissions one address may send at once before the rate applies. */
        @WithDefault("40")
        int burst();

        /** Sustained submissions per second of one integration (a token with the integration role). */
        @WithDefault("2000")
        double integrationPerSecond();

        /** Submissions one integration may send at once before its rate applies. */
        @WithDefault("4000")
        int integrationBurst();

        /** Anonymous submissions per minute to one configured form, unless the form sets its own. */
        @WithDefault("6000")
        int perFormPerMinute();
    }

    /** Bot traps on browser submissions. */
    Spam spam();

    interface Spam {
        /** A form submitted sooner than this after it was shown (renderedAt) is taken for a bot's. */
        @WithDefault("PT2S")
        java.time.Duration minFillTime();
    }

    /**
     * The largest body of every request but a CSV import (JSON and form captures, webhooks, admin APIs):
     * a lead is a few KB at most. Enforced by {@code BodyLimits}; Quarkus's own limit
     * ({@code quarkus.http.limits.max-body-size}) is set to the imports' larger one.
     */
    @WithDefault("64K")
    MemorySize maxBodySize();

    /** CSV imports (POST /api/v1/imports). */
    Imports imports();

    interface Imports {
        /** The largest file accepted (about 1 million rows of a typical event export at 100M). */
        @WithDefault("100M")
        MemorySize maxSize();

        /** Rows stored per transaction. */
        @WithDefault("500")
        int chunkSize();

        /** Rejected rows listed in full in a report; the others are only counted. */
        @WithDefault("1000")
        int maxRejectionsReported();
    }
}
