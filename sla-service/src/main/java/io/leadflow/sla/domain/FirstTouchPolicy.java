package io.leadflow.sla.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The first-touch SLA: an assigned lead must be accepted within {@code allowed} of its capture.
 * The clock starts at capture, not at assignment, because speed to lead is what the person who
 * submitted the form experiences; time spent in enrichment, scoring and routing counts.
 */
public record FirstTouchPolicy(Duration allowed) {

    public static final String KIND = "first-touch";

    public FirstTouchPolicy {
        Objects.requireNonNull(allowed, "allowed");
        if (allowed.isNegative() || allowed.isZero()) {
            throw new IllegalArgumentException("the first-touch SLA must be positive, got " + allowed);
        }
    }

    /** When the first touch is due for a lead captured at {@code capturedAt}. */
    public Instant dueAt(Instant capturedAt) {
        return Objects.requireNonNull(capturedAt, "capturedAt").plus(allowed);
    }

    /**
     * How many minutes past its deadline a breached lead is: up to the late first touch when there was
     * one, else up to {@code now}. Never negative; one decimal.
     */
    public static double minutesLate(Instant dueAt, Instant touchedAt, Instant now) {
        Instant until = touchedAt != null ? touchedAt : now;
        long millis = Math.max(0, Duration.between(dueAt, until).toMillis());
        return Math.round(millis / 6_000.0) / 10.0;
    }
}
