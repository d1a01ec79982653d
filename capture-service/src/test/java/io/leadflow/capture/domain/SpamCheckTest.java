package io.leadflow.capture.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SpamCheckTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final Duration MIN = Duration.ofSeconds(2);

    private static LeadSubmission submission(String hp, Instant renderedAt) {
        return new LeadSubmission("ada@acme.com", null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, hp, renderedAt == null ? null : renderedAt.toString(), null, null);
    }

    @Test
    void aPersonPassesAndABotIsCaughtByTheHoneypotOrItsSpeed() {
        assertThat(SpamCheck.reason(submission(null, NOW.minusSeconds(30)), NOW, MIN)).isEmpty();
        assertThat(SpamCheck.reason(submission(null, null), NOW, MIN)).isEmpty();
        assertThat(SpamCheck.reason(submission("http://spam.example", NOW.minusSeconds(30)), NOW, MIN)).contains("honeypot");
        assertThat(SpamCheck.reason(submission(null, NOW.minusMillis(400)), NOW, MIN)).contains("too-fast");
    }

    @Test
    void aBrowserClockThatRunsAheadNeverMakesAPersonABot() {
        assertThat(SpamCheck.reason(submission(null, NOW.plusSeconds(90)), NOW, MIN)).isEmpty();
    }
}
