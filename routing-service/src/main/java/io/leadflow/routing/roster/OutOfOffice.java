package io.leadflow.routing.roster;

import java.time.Instant;

/** A period the SDR is away (leave, training, a conference): from {@code from} (inclusive) until {@code until} (exclusive). */
public record OutOfOffice(Instant from, Instant until) {

    public OutOfOffice {
        if (from == null || until == null) {
            throw new IllegalArgumentException("an out-of-office period needs a start and an end");
        }
        if (!until.isAfter(from)) {
            throw new IllegalArgumentException("an out-of-office period must end after it starts");
        }
    }

    public boolean covers(Instant at) {
        return !at.isBefore(from) && at.isBefore(until);
    }
}
