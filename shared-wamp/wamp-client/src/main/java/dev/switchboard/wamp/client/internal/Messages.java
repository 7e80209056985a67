package dev.switchboard.wamp.client.internal;

import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.client.NotConnectedException;
import dev.switchboard.wamp.client.WampException;
import dev.switchboard.wamp.message.Error;
import dev.switchboard.wamp.message.Payload;

/** Conversions between messages and what the API hands out. */
final class Messages {

    /** Autobahn's URI for an exception a handler did not turn into a WAMP error. */
    static final String RUNTIME_ERROR = ErrorUris.RUNTIME_ERROR;

    private Messages() {
    }

    /** The payload as arguments; payload transparency (an opaque binary) is not something this client reads. */
    static Payload.Arguments arguments(Payload payload) {
        if (payload instanceof Payload.Arguments arguments) {
            return arguments;
        }
        throw new WampException(ErrorUris.INVALID_ARGUMENT,
                "this client does not read transparent (passthru) payloads");
    }

    /** What went wrong, in words: a WAMP error's message argument, or else the exception itself. */
    static String reason(Throwable cause) {
        if (cause instanceof WampException wamp && !wamp.args().isEmpty()
                && wamp.args().getFirst() instanceof String text) {
            return wamp instanceof NotConnectedException ? text : wamp.error() + ": " + text;
        }
        return cause.toString();
    }

    static WampException exception(Error error) {
        Payload payload = error.payload();
        return new WampException(error.error(),
                payload instanceof Payload.Arguments arguments ? arguments : Payload.EMPTY);
    }
}
