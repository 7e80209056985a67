package dev.switchboard.wamp.message;

import java.util.Objects;

/**
 * Sent by the router during authentication: the client must answer with AUTHENTICATE.
 *
 * <pre>{@code [CHALLENGE, AuthMethod|string, Extra|dict]}</pre>
 */
public record Challenge(String authMethod, ChallengeExtra extra) implements WampMessage {

    public static final int TYPE = 4;

    public Challenge {
        Objects.requireNonNull(extra, "CHALLENGE.Extra");
        Objects.requireNonNull(authMethod, "CHALLENGE.AuthMethod");
    }

    @Override
    public int type() {
        return TYPE;
    }
}
