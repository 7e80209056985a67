package dev.switchboard.wamp.client.internal;

import dev.switchboard.wamp.client.NotConnectedException;
import dev.switchboard.wamp.message.WampMessage;

/** One open connection to the router, as a session uses it. */
interface Transport {

    /**
     * Writes one message; may block while an earlier one is written (never call it on the transport's own thread).
     *
     * @throws NotConnectedException if the connection is closed or the message cannot be written (the connection
     *                               is then closed)
     */
    void send(WampMessage message);

    /** Closes the connection; the listener's {@code onClosed} follows. */
    void close(String reason);
}
