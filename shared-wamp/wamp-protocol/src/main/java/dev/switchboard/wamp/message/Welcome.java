package dev.switchboard.wamp.message;

import java.util.Objects;

/**
 * Sent by the router when a session is established.
 *
 * <pre>{@code [WELCOME, Session|id, Details|dict]}</pre>
 */
public record Welcome(long sessionId, WelcomeDetails details) implements WampMessage {

    public static final int TYPE = 2;

    public Welcome {
        Objects.requireNonNull(details, "WELCOME.Details");
        Check.id(sessionId, "WELCOME.Session");
    }

    @Override
    public int type() {
        return TYPE;
    }
}
