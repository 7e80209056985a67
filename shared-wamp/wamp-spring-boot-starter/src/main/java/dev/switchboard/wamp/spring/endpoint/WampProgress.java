package dev.switchboard.wamp.spring.endpoint;

/**
 * Sends progressive results of the invocation a {@code @WampProcedure} method runs (declare it as a parameter). Each
 * value becomes the single positional argument of a progressive YIELD, converted as a return value is.
 */
@FunctionalInterface
public interface WampProgress {

    /** Sends {@code value} as a progressive result; does nothing when the caller did not ask for progress. */
    void send(Object value);
}
