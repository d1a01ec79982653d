package io.leadflow.routing.distribution;

/** How a pool hands out its leads among the members who can take one. */
public enum DistributionMethod {
    /**
     * In turn by position after the pool's cursor (the position of the last member given a lead),
     * wrapping around; a member who is skipped keeps their place and is next in line once they can
     * take leads again. Weights are ignored.
     */
    STRICT_ROUND_ROBIN,
    /**
     * Smooth weighted round robin (the nginx algorithm): every eligible member's current weight grows by
     * their weight, the highest (lowest position on a tie) gets the lead and loses the eligible total.
     * Weights 3:1 give a a b a, a a b a ... Deterministic; the current weights are pool state.
     */
    WEIGHTED_ROUND_ROBIN,
    /** The eligible member with the fewest open leads; ties go to the least recently assigned, then by position. */
    LEAST_LOADED
}
