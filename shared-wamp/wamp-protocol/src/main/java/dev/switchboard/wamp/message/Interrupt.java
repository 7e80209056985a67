package dev.switchboard.wamp.message;

import java.util.Objects;

/**
 * Sent by the dealer to a callee to stop a running invocation (advanced profile, call canceling).
 *
 * <pre>{@code [INTERRUPT, INVOCATION.Request|id, Options|dict]}</pre>
 */
public record Interrupt(long requestId, InterruptOptions options) implements WampMessage {

    public static final int TYPE = 69;

    public Interrupt {
        Objects.requireNonNull(options, "INTERRUPT.Options");
        Check.id(requestId, "INTERRUPT.Request");
    }

    @Override
    public int type() {
        return TYPE;
    }
}
