package dev.switchboard.wamp.message;

import java.util.Map;
import java.util.Objects;

/**
 * The error answer to a request (SUBSCRIBE, UNSUBSCRIBE, PUBLISH, REGISTER, UNREGISTER, CALL, CANCEL) or, from a
 * callee, to an INVOCATION.
 *
 * <pre>{@code [ERROR, REQUEST.Type|int, REQUEST.Request|id, Details|dict, Error|uri]}</pre>
 * <pre>{@code [ERROR, REQUEST.Type|int, REQUEST.Request|id, Details|dict, Error|uri, Arguments|list]}</pre>
 * <pre>{@code [ERROR, REQUEST.Type|int, REQUEST.Request|id, Details|dict, Error|uri, Arguments|list, ArgumentsKw|dict]}</pre>
 */
public record Error(int requestType, long requestId, Map<String, Object> details, String error, Payload payload) implements WampMessage {

    public static final int TYPE = 8;

    public Error {
        Objects.requireNonNull(payload, "ERROR.Arguments");
        Objects.requireNonNull(error, "ERROR.Error");
        Check.requestType(requestType);
        Check.id(requestId, "ERROR.Request");
        details = Values.map(details);
        Check.uri(error, "ERROR.Error");
    }

    @Override
    public int type() {
        return TYPE;
    }
}
