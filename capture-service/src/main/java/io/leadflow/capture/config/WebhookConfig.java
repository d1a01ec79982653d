package io.leadflow.capture.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Signed webhook intake ({@code POST /api/v1/webhooks/{sourceId}}). */
@ConfigMapping(prefix = "leadflow.capture.webhooks")
public interface WebhookConfig {

    /** How far a delivery's signed timestamp may be from now, either way: the replay window. */
    @WithDefault("PT5M")
    Duration tolerance();

    /** How long the previous secret stays valid after a rotation, so a partner can switch without losing leads. */
    @WithDefault("PT24H")
    Duration secretGracePeriod();

    /**
     * The AES-256 key (32 bytes, base64) that encrypts webhook secrets at rest ({@code SecretsAtRest}). Required: the
     * service does not start without it.
     */
    String secretKey();

    /** Per source limits, counted on correctly signed deliveries only (a forger cannot spend a partner's budget). */
    RateLimit rateLimit();

    interface RateLimit {
        /** Sustained deliveries per second of one source. */
        @WithDefault("50")
        double perSecond();

        /** Deliveries one source may send at once before the rate applies. */
        @WithDefault("200")
        int burst();
    }
}
