package io.leadflow.routing.distribution;

import io.leadflow.routing.roster.Availability;
import io.leadflow.routing.roster.Caps;
import io.leadflow.routing.roster.Load;
import io.leadflow.routing.roster.SkipReason;

import java.time.Instant;

/**
 * A pool member as a decision sees them: their place ({@code position}, unique in the pool), their
 * {@code weight} (at least 1) and smooth-weighted-round-robin {@code currentWeight} (pool state), when
 * they can work, their caps and what they hold right now.
 */
public record Candidate(String sdrId, int position, int weight, long currentWeight, Availability availability,
                        Caps caps, Load load) {

    public Candidate {
        if (sdrId == null || availability == null || caps == null || load == null) {
            throw new IllegalArgumentException("a candidate needs an SDR id, availability, caps and load");
        }
        if (weight < 1) {
            throw new IllegalArgumentException("a weight is at least 1");
        }
    }

    /** A member with weight 1, always available, no caps, no leads: for tests and simple pools. */
    public static Candidate of(String sdrId, int position) {
        return new Candidate(sdrId, position, 1, 0, Availability.always(), Caps.NONE, Load.NONE);
    }

    /** Why they cannot take a lead at the instant (availability first, then caps), or null if they can. */
    public SkipReason skipReasonAt(Instant at) {
        SkipReason unavailable = availability.unavailableAt(at);
        return unavailable != null ? unavailable : caps.reached(load);
    }

    public Candidate withWeight(int newWeight) {
        return new Candidate(sdrId, position, newWeight, currentWeight, availability, caps, load);
    }

    public Candidate withCurrentWeight(long newCurrentWeight) {
        return new Candidate(sdrId, position, weight, newCurrentWeight, availability, caps, load);
    }

    public Candidate withAvailability(Availability newAvailability) {
        return new Candidate(sdrId, position, weight, currentWeight, newAvailability, caps, load);
    }

    public Candidate withCaps(Caps newCaps) {
        return new Candidate(sdrId, position, weight, currentWeight, availability, newCaps, load);
    }

    public Candidate withLoad(Load newLoad) {
        return new Candidate(sdrId, position, weight, currentWeight, availability, caps, newLoad);
    }
}
