package dev.switchboard.wamp.message;

import java.util.Objects;

/**
 * Sent by a callee: the (final or progressive) result of an invocation.
 *
 * <pre>{@code [YIELD, INVOCATION.Request|id, Options|dict]}</pre>
 * <pre>{@code [YIELD, INVOCATION.Request|id, Options|dict, Arguments|list]}</pre>
 * <pre>{@code [YIELD, INVOCATION.Request|id, Options|dict, Arguments|list, ArgumentsKw|dict]}</pre>
 */
public record Yield(long requestId, YieldOptions options, Payload payload) implements WampMessage {

    public static final int TYPE = 70;

    public Yield {
        Objects.requireNonNull(payload, "YIELD.Arguments");
        Objects.requireNonNull(options, "YIELD.Options");
        Check.id(requestId, "YIELD.Request");
    }

    @Override
    public int type() {
        return TYPE;
    }
}
