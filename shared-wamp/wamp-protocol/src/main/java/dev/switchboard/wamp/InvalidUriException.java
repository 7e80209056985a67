package dev.switchboard.wamp;

/** A URI that breaks the WAMP URI rules, raised when a message holding it is built. */
public final class InvalidUriException extends IllegalArgumentException {

    public InvalidUriException(String message) {
        super(message);
    }
}
