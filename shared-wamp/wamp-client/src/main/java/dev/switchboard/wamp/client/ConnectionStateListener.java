package dev.switchboard.wamp.client;

import org.jspecify.annotations.Nullable;

/**
 * Told of every change of a client's {@link ConnectionState}. Listeners of one client are called one change at a
 * time, in the order the changes happened, on a thread of the client's own (never the transport's).
 */
@FunctionalInterface
public interface ConnectionStateListener {

    /**
     * @param previous the state before
     * @param current  the state now
     * @param cause    why the connection failed or closed, when it did; {@code null} otherwise
     */
    void onStateChanged(ConnectionState previous, ConnectionState current, @Nullable Throwable cause);
}
