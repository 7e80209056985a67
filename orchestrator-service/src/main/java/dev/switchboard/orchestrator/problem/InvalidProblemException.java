package dev.switchboard.orchestrator.problem;

/** A request names a problem that cannot be solved; the message says what is wrong, for the caller. */
public final class InvalidProblemException extends IllegalArgumentException {

    public InvalidProblemException(String message) {
        super(message);
    }
}
