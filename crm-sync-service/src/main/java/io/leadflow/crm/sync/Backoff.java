package io.leadflow.crm.sync;

import java.time.Duration;

/** When a failed sync is tried again: exponential from {@code first}, capped, and never before the CRM's Retry-After. */
public record Backoff(Duration first, Duration max) {

    /** The delay after failed attempt number {@code attempt} (1 for the first). */
    public Duration after(int attempt, Duration retryAfter) {
        long shift = Math.min(Math.max(attempt - 1, 0), 30);
        Duration exponential = first.multipliedBy(1L << shift);
        Duration delay = exponential.compareTo(max) > 0 ? max : exponential;
        return retryAfter != null && retryAfter.compareTo(delay) > 0 ? retryAfter : delay;
    }
}
