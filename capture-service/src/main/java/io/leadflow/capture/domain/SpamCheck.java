package io.leadflow.capture.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Bot traps on browser submissions. A person never fills the hidden honeypot field and takes more
 * than a moment to fill a form; a bot does both. A trapped submission is answered like a success
 * (a bot must not learn what gave it away), stored marked as spam and never announced, so it is
 * never routed.
 */
public final class SpamCheck {

    private SpamCheck() {
    }

    /** Why a normalised submission is spam, if it is. */
    public static Optional<String> reason(LeadSubmission submission, Instant receivedAt, Duration minFillTime) {
        if (submission.hp() != null) {
            return Optional.of("honeypot");
        }
        if (submission.renderedAt() != null) {
            Duration filledIn = Duration.between(Instant.parse(submission.renderedAt()), receivedAt);
            // renderedAt comes from the browser's clock: one that runs ahead (negative time) proves
            // nothing, and a person must never be taken for a bot because of a skewed clock.
            if (!filledIn.isNegative() && filledIn.compareTo(minFillTime) < 0) {
                return Optional.of("too-fast");
            }
        }
        return Optional.empty();
    }
}
