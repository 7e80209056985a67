package dev.switchboard.wamp.message;

import java.util.Objects;

/**
 * Sent by the dealer to the caller: the (final or progressive) result of a call.
 *
 * <pre>{@code [RESULT, CALL.Request|id, Details|dict]}</pre>
 * <pre>{@code [RESULT, CALL.Request|id, Details|dict, YIELD.Arguments|list]}</pre>
 * <pre>{@code [RESULT, CALL.Request|id, Details|dict, YIELD.Arguments|list, YIELD.ArgumentsKw|dict]}</pre>
 */
public record Result(long requestId, ResultDetails details, Payload payload) implements WampMessage {

    public static final int TYPE = 50;

    public Result {
        Objects.requireNonNull(payload, "RESULT.Arguments");
        Objects.requireNonNull(details, "RESULT.Details");
        Check.id(requestId, "RESULT.Request");
    }

    @Override
    public int type() {
        return TYPE;
    }
}
