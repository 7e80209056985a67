package dev.switchboard.wamp.message;

/**
 * The dealer's acknowledgement of a REGISTER.
 *
 * <pre>{@code [REGISTERED, REGISTER.Request|id, Registration|id]}</pre>
 */
public record Registered(long requestId, long registrationId) implements WampMessage {

    public static final int TYPE = 65;

    public Registered {
        Check.id(requestId, "REGISTERED.Request");
        Check.id(registrationId, "REGISTERED.Registration");
    }

    @Override
    public int type() {
        return TYPE;
    }
}
