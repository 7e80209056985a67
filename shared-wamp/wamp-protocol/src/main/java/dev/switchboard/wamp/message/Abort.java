package dev.switchboard.wamp.message;

import java.util.Objects;

/**
 * Sent by either side to refuse or abort the opening of a session.
 *
 * <pre>{@code [ABORT, Details|dict, Reason|uri]}</pre>
 */
public record Abort(CloseDetails details, String reason) implements WampMessage {

    public static final int TYPE = 3;

    public Abort {
        Objects.requireNonNull(reason, "ABORT.Reason");
        Objects.requireNonNull(details, "ABORT.Details");
        Check.uri(reason, "ABORT.Reason");
    }

    @Override
    public int type() {
        return TYPE;
    }
}
