package io.leadflow.capture.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Engagement tracking ({@code POST /api/v1/engagement}). */
@ConfigMapping(prefix = "leadflow.capture.engagement")
public interface EngagementConfig {

    /** Events one request may carry; also the most one LeadEngaged carries (a longer history is split). */
    @WithDefault("100")
    int maxEvents();

    /** How old an event may be when it arrives (an e-mail tool's late report, a webinar platform's daily export). */
    @WithDefault("P90D")
    Duration maxAge();

    /** How far in the future an event may be: a browser or a partner whose clock runs ahead. */
    @WithDefault("PT5M")
    Duration maxClockSkew();

    /**
     * How long an event nobody could link to a lead waits (by its occurredAt) for a submission that links it: an
     * anonymous visitor who never fills in a form leaves no trace longer than this.
     */
    @WithDefault("P90D")
    Duration waitingRetention();

    /** How long a request's Idempotency-Key is remembered: a retry comes within minutes, not weeks. */
    @WithDefault("P7D")
    Duration idempotencyRetention();

    /** How often the two retentions above are applied. */
    @WithDefault("PT10M")
    Duration cleanupInterval();
}
