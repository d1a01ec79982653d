package io.leadflow.web;

/** The addressed resource does not exist, or is not visible to the caller (an SDR asking for another SDR's lead). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
