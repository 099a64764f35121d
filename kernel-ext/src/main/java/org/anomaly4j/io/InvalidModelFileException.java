package org.anomaly4j.io;

/**
 * A model file that cannot be loaded: not JSON, not ours, from a newer format, or with a missing, mistyped,
 * non-finite or wrongly sized field. The message names the file and the field.
 */
public final class InvalidModelFileException extends IllegalArgumentException {

    public InvalidModelFileException(String message) {
        super(message);
    }

    public InvalidModelFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
