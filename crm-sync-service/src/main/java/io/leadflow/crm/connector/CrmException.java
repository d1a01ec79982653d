package io.leadflow.crm.connector;

import java.time.Duration;

/**
 * A failed CRM call, classified for the sync worker:
 * <ul>
 *     <li>{@link Kind#RATE_LIMITED}: wait {@link #retryAfter()} (the CRM's Retry-After, else the backoff) and retry;</li>
 *     <li>{@link Kind#UNAUTHORIZED}: the credentials were refused even after a token refresh (retried with backoff:
 *     someone may fix the credentials);</li>
 *     <li>{@link Kind#TRANSIENT}: 5xx, timeout, connection refused: retry with backoff;</li>
 *     <li>{@link Kind#REJECTED}: the CRM refused the data (validation error, 4xx): retrying the same data cannot
 *     succeed, so the sync goes to the dead-letter topic with {@link #getMessage()} as its reason.</li>
 * </ul>
 */
public class CrmException extends RuntimeException {

    public enum Kind {
        RATE_LIMITED, UNAUTHORIZED, TRANSIENT, REJECTED;

        /** The sync log's outcome of a call that failed this way: {@code rate_limited}, {@code rejected}, … */
        public String outcome() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Kind kind;
    private final int status;
    private final Duration retryAfter;

    public CrmException(Kind kind, int status, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public static CrmException rateLimited(int status, String message, Duration retryAfter) {
        return new CrmException(Kind.RATE_LIMITED, status, message, retryAfter, null);
    }

    public static CrmException unauthorized(int status, String message) {
        return new CrmException(Kind.UNAUTHORIZED, status, message, null, null);
    }

    public static CrmException transientFailure(int status, String message, Throwable cause) {
        return new CrmException(Kind.TRANSIENT, status, message, null, cause);
    }

    public static CrmException rejected(int status, String message) {
        return new CrmException(Kind.REJECTED, status, message, null, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, 0 when there was no answer. */
    public int status() {
        return status;
    }

    /** How long the CRM asked us to wait; null when it did not say. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whether trying again later can succeed. */
    public boolean retryable() {
        return kind != Kind.REJECTED;
    }
}
