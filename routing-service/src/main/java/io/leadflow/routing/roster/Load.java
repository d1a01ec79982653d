package io.leadflow.routing.roster;

import java.time.Instant;

/**
 * What an SDR holds at the moment of a decision: open leads (assigned or accepted, not yet closed),
 * leads assigned since the start of their local day ({@link Availability#startOfLocalDay}), and when
 * they were last given one (null: never).
 */
public record Load(int openLeads, int leadsToday, Instant lastAssignedAt) {

    public static final Load NONE = new Load(0, 0, null);

    public Load {
        if (openLeads < 0 || leadsToday < 0) {
            throw new IllegalArgumentException("lead counts are never negative");
        }
    }

    /** The load after one more lead at {@code at}. */
    public Load plusOne(Instant at) {
        return new Load(openLeads + 1, leadsToday + 1, at);
    }
}
