package io.leadflow.routing.distribution;

import io.leadflow.routing.roster.Availability;
import io.leadflow.routing.roster.Caps;
import io.leadflow.routing.roster.Load;
import io.leadflow.routing.roster.SkipReason;

import java.time.Instant;
import java.util.Optional;

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

    /**
     * When they can take a lead again without anyone doing anything (now, if they can): the next instant
     * they are available, moved to their next local day if their daily cap is reached until then. Empty
     * when their open-lead cap is reached (it clears when a lead is closed, not by the clock), when they
     * are inactive or paused, or when their schedule never makes them available.
     */
    public Optional<Instant> availableAgainAt(Instant at) {
        Integer maxOpen = caps.maxOpenLeads();
        if (maxOpen != null && load.openLeads() >= maxOpen) {
            return Optional.empty();
        }
        Optional<Instant> back = availability.nextAvailable(at);
        Integer maxToday = caps.maxLeadsPerDay();
        if (back.isPresent() && maxToday != null && load.leadsToday() >= maxToday
                && availability.localDate(back.get()).equals(availability.localDate(at))) {
            back = availability.nextAvailable(availability.startOfNextLocalDay(at));
        }
        return back;
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
