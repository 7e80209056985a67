package dev.switchboard.wamp.client;

import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.message.Payload;
import org.jspecify.annotations.Nullable;

/**
 * A request failed because the client had no established session for it: there was none when the request was made
 * (the client was connecting, joining, reconnecting or disconnected), or the session was lost or closed before the
 * answer came. Nothing is retried: a call that was pending when the connection was lost may or may not have run.
 * Its {@link #error() URI} is {@value ErrorUris#NETWORK_FAILURE}.
 */
public final class NotConnectedException extends WampException {

    public NotConnectedException(String message) {
        this(message, null);
    }

    public NotConnectedException(String message, @Nullable Throwable cause) {
        super(ErrorUris.NETWORK_FAILURE, Payload.of(message), cause);
    }
}
