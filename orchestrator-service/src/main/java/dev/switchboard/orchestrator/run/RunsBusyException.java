package dev.switchboard.orchestrator.run;

/** Too many runs wait already. */
public final class RunsBusyException extends RuntimeException {

    RunsBusyException(String message) {
        super(message, null, false, false);
    }
}
