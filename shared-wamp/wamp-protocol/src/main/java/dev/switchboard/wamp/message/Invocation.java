package dev.switchboard.wamp.message;

import java.util.Objects;

/**
 * Sent by the dealer to the callee chosen to run a call.
 *
 * <pre>{@code [INVOCATION, Request|id, REGISTERED.Registration|id, Details|dict]}</pre>
 * <pre>{@code [INVOCATION, Request|id, REGISTERED.Registration|id, Details|dict, CALL.Arguments|list]}</pre>
 * <pre>{@code [INVOCATION, Request|id, REGISTERED.Registration|id, Details|dict, CALL.Arguments|list, CALL.ArgumentsKw|dict]}</pre>
 */
public record Invocation(long requestId, long registrationId, InvocationDetails details, Payload payload) implements WampMessage {

    public static final int TYPE = 68;

    public Invocation {
        Objects.requireNonNull(payload, "INVOCATION.Arguments");
        Objects.requireNonNull(details, "INVOCATION.Details");
        Check.id(requestId, "INVOCATION.Request");
        Check.id(registrationId, "INVOCATION.Registration");
    }

    @Override
    public int type() {
        return TYPE;
    }
}
