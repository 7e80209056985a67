package dev.switchboard.wamp.message;

import java.util.Objects;

/**
 * Sent by a caller to call a procedure.
 *
 * <pre>{@code [CALL, Request|id, Options|dict, Procedure|uri]}</pre>
 * <pre>{@code [CALL, Request|id, Options|dict, Procedure|uri, Arguments|list]}</pre>
 * <pre>{@code [CALL, Request|id, Options|dict, Procedure|uri, Arguments|list, ArgumentsKw|dict]}</pre>
 */
public record Call(long requestId, CallOptions options, String procedure, Payload payload) implements WampMessage {

    public static final int TYPE = 48;

    public Call {
        Objects.requireNonNull(payload, "CALL.Arguments");
        Objects.requireNonNull(procedure, "CALL.Procedure");
        Objects.requireNonNull(options, "CALL.Options");
        Check.id(requestId, "CALL.Request");
        Check.uri(procedure, "CALL.Procedure");
    }

    @Override
    public int type() {
        return TYPE;
    }
}
