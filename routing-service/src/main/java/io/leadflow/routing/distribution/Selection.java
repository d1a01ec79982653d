package io.leadflow.routing.distribution;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The result of one decision: the member who gets the lead (empty if nobody can), every member the
 * decision looked at with their skip reason, the pool state to store (cursor, current weights; the
 * chosen member's load counts the new lead), and - when nobody could take it - the earliest instant
 * a skipped member becomes able to by the clock alone (a shift starts, an out-of-office period or a
 * holiday ends, a new local day resets a daily cap): when a held lead can be tried again. Empty when
 * nobody comes back by themselves (inactive, paused, at their open-lead cap).
 */
public record Selection(Optional<Candidate> chosen, List<Considered> considered, PoolState next,
                        Supplier<Optional<Instant>> retry) {

    public Selection {
        considered = List.copyOf(considered);
    }

    /**
     * When a held lead can be tried again. Worked out on first use only (then remembered): it walks every skipped
     * member's schedule forward, which costs far more than the decision itself in a large pool, and only a lead that
     * is actually held needs it.
     */
    public Optional<Instant> retryAt() {
        return retry.get();
    }

    /** A supplier that computes once. */
    static Supplier<Optional<Instant>> once(Supplier<Optional<Instant>> compute) {
        return new Supplier<>() {
            private Optional<Instant> value;

            @Override
            public synchronized Optional<Instant> get() {
                if (value == null) {
                    value = compute.get();
                }
                return value;
            }
        };
    }

    public boolean assigned() {
        return chosen.isPresent();
    }

    public Optional<String> sdrId() {
        return chosen.map(Candidate::sdrId);
    }
}
