package io.leadflow.scoring.messaging.in;

import java.time.Instant;
import java.util.Objects;

/** Scoring's copy of routing's LeadDisqualified: the SDR ruled the lead out, with a reason code. */
public record LeadDisqualifiedIn(String sdrId, String reason, Instant disqualifiedAt) {

    public LeadDisqualifiedIn {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(disqualifiedAt, "disqualifiedAt");
        if (reason.isBlank() || reason.length() > 40) {
            throw new IllegalArgumentException("reason must be a code of 1-40 characters, got '" + reason + "'");
        }
    }
}
