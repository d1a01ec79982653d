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
}
