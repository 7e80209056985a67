package dev.switchboard.wamp.message;

/**
 * Sent by a callee to end a registration.
 *
 * <pre>{@code [UNREGISTER, Request|id, REGISTERED.Registration|id]}</pre>
 */
public record Unregister(long requestId, long registrationId) implements WampMessage {

    public static final int TYPE = 66;

    public Unregister {
        Check.id(requestId, "UNREGISTER.Request");
        Check.id(registrationId, "UNREGISTER.Registration");
    }

    @Override
    public int type() {
        return TYPE;
    }
}
