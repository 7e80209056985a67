package dev.switchboard.router.session;

import dev.switchboard.wamp.ProtocolViolationException;
import dev.switchboard.wamp.message.WampMessage;

/**
 * The session layer's side of one connection. A transport calls these methods one at a time, in the order things
 * happened on the connection, never concurrently for the same connection.
 */
public interface ConnectionHandler {

    /** A message arrived. */
    void onMessage(WampMessage message);

    /**
     * The peer sent something that is not a valid WAMP message (a frame that does not decode, a message over the
     * size limit). The handler answers with ABORT {@code wamp.error.protocol_violation} and closes the connection;
     * only a violation with a {@linkplain ProtocolViolationException#failedRequest() request to answer} may be
     * answered with ERROR instead, the connection left open.
     */
    void onProtocolViolation(ProtocolViolationException violation);

    /** The connection is gone (closed by either side, failed, overflowed or timed out). Called exactly once. */
    void onClosed();
}
