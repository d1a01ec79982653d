package io.leadflow.messaging.incoming;

/**
 * An event that can never be processed as it is (malformed, unknown type, contract violated).
 * It is not retried: the channel's failure strategy sends it to the dead-letter topic with this message as the reason.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message) {
        super(message);
    }

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
