package dev.switchboard.wamp.message;

import java.util.Objects;

/**
 * Sent by either side to close an established session; the other side answers with GOODBYE.
 *
 * <pre>{@code [GOODBYE, Details|dict, Reason|uri]}</pre>
 */
public record Goodbye(CloseDetails details, String reason) implements WampMessage {

    public static final int TYPE = 6;

    public Goodbye {
        Objects.requireNonNull(reason, "GOODBYE.Reason");
        Objects.requireNonNull(details, "GOODBYE.Details");
        Check.uri(reason, "GOODBYE.Reason");
    }

    @Override
    public int type() {
        return TYPE;
    }
}
