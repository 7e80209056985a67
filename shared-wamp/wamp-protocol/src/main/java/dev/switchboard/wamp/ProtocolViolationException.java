package dev.switchboard.wamp;

/**
 * A peer sent something the WAMP protocol does not allow: a frame that does not parse, a message of unknown type,
 * a field of the wrong type or range, an invalid URI. The only exception the codecs throw on bad input; the session
 * that sent it is closed with {@link ErrorUris#PROTOCOL_VIOLATION} and the message of this exception as the reason.
 */
public final class ProtocolViolationException extends RuntimeException {

    public ProtocolViolationException(String message) {
        super(message, null, false, false);
    }

    public ProtocolViolationException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
