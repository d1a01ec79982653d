package io.leadflow.web;

/** The request is valid but the resource's state does not allow it (qualifying a lead that was never accepted). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
