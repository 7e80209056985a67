package dev.switchboard.router.session;

import dev.switchboard.wamp.message.WampMessage;

/**
 * One client connection as a transport hands it to the session layer. Thread-safe: routing code on any realm
 * executor may send at any time.
 */
public interface Connection {

    /**
     * Queues {@code message} for delivery after everything queued before it; never blocks. When the bounded
     * outbound queue is full, the message is not queued, the connection is closed (the peer is too slow) and this
     * returns {@code false}; the handler then hears {@link ConnectionHandler#onClosed()}.
     */
    boolean send(WampMessage message);

    /** Delivers what is queued, then closes the connection. Idempotent. */
    void close();

    /** What the transport knows about the connection, for session details and the meta API. */
    TransportInfo info();
}
