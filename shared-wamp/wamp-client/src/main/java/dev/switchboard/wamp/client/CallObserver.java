package dev.switchboard.wamp.client;

import org.jspecify.annotations.Nullable;

/**
 * Hears of every call a client makes once its outcome is known: for metrics and tracing. Given to
 * {@link WampClient.Builder#callObserver}; it sees calls made with {@code call} and {@code callProgressive} alike,
 * including those that fail before they are sent (no session). It runs on a client thread, or on the caller's when
 * the call fails at once, and must not block; an exception it throws is logged and otherwise ignored.
 */
@FunctionalInterface
public interface CallObserver {

    /**
     * A call ended.
     *
     * @param procedure the procedure called
     * @param nanos     the time from the call to its outcome, in nanoseconds
     * @param failure   {@code null} for a result; otherwise the {@link WampException} the call failed with (the
     *                  error the callee or the router answered), a {@link NotConnectedException}, or a
     *                  {@link java.util.concurrent.CancellationException} when the caller canceled it
     */
    void callEnded(String procedure, long nanos, @Nullable Throwable failure);
}
