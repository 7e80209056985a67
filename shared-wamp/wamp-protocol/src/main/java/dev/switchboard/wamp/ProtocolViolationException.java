package dev.switchboard.wamp;

import org.jspecify.annotations.Nullable;

/**
 * A peer sent something the WAMP protocol does not allow: a frame that does not parse, a message of unknown type,
 * a field of the wrong type or range, an invalid URI. The only exception the codecs throw on bad input; the session
 * that sent it is closed with {@link ErrorUris#PROTOCOL_VIOLATION} and the message of this exception as the reason.
 *
 * <p>One case is answerable without ending the session: a well-formed SUBSCRIBE, PUBLISH, CALL or REGISTER whose
 * URI breaks the URI rules, which the basic profile ("Incorrect URIs") answers with ERROR
 * {@code wamp.error.invalid_uri}. Such a violation carries the {@link #failedRequest() request} to answer.
 */
public final class ProtocolViolationException extends RuntimeException {

    /**
     * A request that can be answered with an ERROR instead of ending the session.
     *
     * @param requestType the message type of the request (e.g. 48 for CALL)
     * @param requestId   its request id
     * @param error       the error URI to answer with
     */
    public record FailedRequest(int requestType, long requestId, String error) {
    }

    private final transient @Nullable FailedRequest failedRequest;

    public ProtocolViolationException(String message) {
        this(message, null, null);
    }

    public ProtocolViolationException(String message, @Nullable Throwable cause) {
        this(message, cause, null);
    }

    public ProtocolViolationException(String message, @Nullable Throwable cause,
                                      @Nullable FailedRequest failedRequest) {
        super(message, cause, false, false);
        this.failedRequest = failedRequest;
    }

    /** The request to answer with an ERROR, or {@code null} when the session must be aborted. */
    public @Nullable FailedRequest failedRequest() {
        return failedRequest;
    }
}
