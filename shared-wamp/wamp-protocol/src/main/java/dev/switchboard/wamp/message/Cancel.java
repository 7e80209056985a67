package dev.switchboard.wamp.message;

import java.util.Objects;

/**
 * Sent by a caller to cancel a pending call (advanced profile, call canceling).
 *
 * <pre>{@code [CANCEL, CALL.Request|id, Options|dict]}</pre>
 */
public record Cancel(long requestId, CancelOptions options) implements WampMessage {

    public static final int TYPE = 49;

    public Cancel {
        Objects.requireNonNull(options, "CANCEL.Options");
        Check.id(requestId, "CANCEL.Request");
    }

    @Override
    public int type() {
        return TYPE;
    }
}
