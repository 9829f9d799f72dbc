package fi.ecosystem.platform.messaging;

/** A message that can never be handled (not an envelope, payload of the wrong shape): goes to the dead-letter topic at once. */
public class PoisonMessageException extends RuntimeException {

    public PoisonMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
