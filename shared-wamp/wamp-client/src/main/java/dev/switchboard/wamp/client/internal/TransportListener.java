package dev.switchboard.wamp.client.internal;

import dev.switchboard.wamp.ProtocolViolationException;
import dev.switchboard.wamp.message.WampMessage;

/** What a transport reports, one call at a time and in order, on its own thread. */
interface TransportListener {

    /** The connection is open; no message has been exchanged yet. */
    void onOpen(Transport transport);

    void onMessage(WampMessage message);

    /** A frame that is not a valid WAMP message (or of the wrong frame type); the session must abort. */
    void onProtocolViolation(ProtocolViolationException violation);

    /** The connection is closed (or could not be opened); the last call. */
    void onClosed(Throwable cause);
}
