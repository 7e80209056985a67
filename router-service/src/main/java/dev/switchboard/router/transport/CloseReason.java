package dev.switchboard.router.transport;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Why the router closes a connection: a WebSocket close status code and reason (RFC 6455 section 7.4). RawSocket has
 * no close frame; there the reason is only logged, unless it names an {@code abortUri}.
 *
 * @param code     the WebSocket close status code
 * @param text     the reason, at most 123 bytes of UTF-8 so that it fits a close frame
 * @param abortUri for a close the session layer knows nothing of (so it has told the peer nothing), the reason of an
 *                 ABORT that RawSocket writes past the outbound queue as its last message; {@code null} for none
 */
record CloseReason(int code, String text, @Nullable String abortUri) {

    /** A close the session layer asked for (after ABORT or GOODBYE). */
    static final CloseReason NORMAL = new CloseReason(1000, "");

    /** The router shuts down. */
    static final CloseReason GOING_AWAY = new CloseReason(1001, "router shutting down");

    /** The ABORT reason when a peer's outbound queue overflowed (not a standard URI: the spec names none). */
    static final String OUTBOUND_QUEUE_OVERFLOW = "switchboard.close.outbound_queue_overflow";

    private static final int MAX_TEXT_BYTES = 123;

    CloseReason {
        text = truncate(text);
    }

    CloseReason(int code, String text) {
        this(code, text, null);
    }

    /** The peer broke the protocol (1002). */
    static CloseReason protocolError(String why) {
        return new CloseReason(1002, why);
    }

    /** The peer's send queue overflowed: it reads too slowly (1008, policy violation). */
    static CloseReason overflow(int capacity) {
        return new CloseReason(1008,
                "outbound queue overflow: " + capacity + " messages waiting, the peer reads too slowly",
                OUTBOUND_QUEUE_OVERFLOW);
    }

    /** A message too big to receive or to send (1009). */
    static CloseReason tooBig(String why) {
        return new CloseReason(1009, why);
    }

    /** The router failed (1011). */
    static CloseReason internalError(String why) {
        return new CloseReason(1011, why);
    }

    /** Whether the peer broke the protocol (1002, 1009): worth a debug line, not more, as peers can do it at will. */
    boolean peerBrokeProtocol() {
        return code == 1002 || code == 1009;
    }

    private static String truncate(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= MAX_TEXT_BYTES) {
            return text;
        }
        int end = MAX_TEXT_BYTES;
        while (end > 0 && (utf8[end] & 0xC0) == 0x80) {
            end--; // do not cut a character in half
        }
        return new String(utf8, 0, end, StandardCharsets.UTF_8);
    }
}
