package io.leadflow.scoring.messaging.in;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** Scoring's copy of routing's LeadTouched: an SDR's call, e-mail or message, and what came of it. */
public record LeadTouchedIn(UUID touchId, String channel, String outcome, Instant touchedAt) {

    /** Outcomes where the person answered: a buying signal, scored as a {@code reply} engagement. */
    static final Set<String> ANSWERED = Set.of("connected", "replied", "meeting_booked");

    public LeadTouchedIn {
        Objects.requireNonNull(touchId, "touchId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(touchedAt, "touchedAt");
    }

    /** Whether the person answered the SDR. */
    public boolean answered() {
        return ANSWERED.contains(outcome);
    }
}
