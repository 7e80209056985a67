package dev.switchboard.wamp.message;

import java.util.Objects;

/**
 * Sent by a callee to register a procedure or procedure pattern.
 *
 * <pre>{@code [REGISTER, Request|id, Options|dict, Procedure|uri]}</pre>
 */
public record Register(long requestId, RegisterOptions options, String procedure) implements WampMessage {

    public static final int TYPE = 64;

    public Register {
        Objects.requireNonNull(procedure, "REGISTER.Procedure");
        Objects.requireNonNull(options, "REGISTER.Options");
        Check.id(requestId, "REGISTER.Request");
        Check.pattern(procedure, options.match(), "REGISTER.Procedure");
    }

    @Override
    public int type() {
        return TYPE;
    }
}
