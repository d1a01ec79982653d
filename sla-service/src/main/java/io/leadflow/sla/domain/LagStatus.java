package io.leadflow.sla.domain;

/**
 * How a consumer group keeps up with a partition over the recent samples (Burrow's evaluation, simplified), from
 * the least to the most serious: a group's or topic's status is the worst of its partitions'.
 */
public enum LagStatus {
    /** Caught up at least once in the window, or committing without falling further behind. */
    OK,
    /** Committing, but the lag grew from every sample to the next across the whole window: it cannot keep up. */
    LAGGING,
    /** The committed offset did not move across the whole window while records were waiting: nobody consumes. */
    STALLED
}
