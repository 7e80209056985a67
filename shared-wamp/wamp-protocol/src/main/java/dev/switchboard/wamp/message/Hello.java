package dev.switchboard.wamp.message;

import java.util.Objects;

/**
 * Sent by a client to open a session on a realm.
 *
 * <pre>{@code [HELLO, Realm|uri, Details|dict]}</pre>
 */
public record Hello(String realm, HelloDetails details) implements WampMessage {

    public static final int TYPE = 1;

    public Hello {
        Objects.requireNonNull(details, "HELLO.Details");
        Objects.requireNonNull(realm, "HELLO.Realm");
        Check.uri(realm, "HELLO.Realm");
    }

    @Override
    public int type() {
        return TYPE;
    }
}
