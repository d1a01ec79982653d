package io.leadflow.web;

/**
 * The request is well-formed but cannot be processed as sent (RFC 9110 422): an Idempotency-Key
 * reused with a different body, for instance. {@code type} is the problem type's slug.
 */
public class UnprocessableException extends RuntimeException {

    private final String type;

    public UnprocessableException(String type, String message) {
        super(message);
        this.type = type;
    }

    public String type() {
        return type;
    }
}
