package dev.switchboard.wamp.message;

/**
 * The broker's acknowledgement of a SUBSCRIBE.
 *
 * <pre>{@code [SUBSCRIBED, SUBSCRIBE.Request|id, Subscription|id]}</pre>
 */
public record Subscribed(long requestId, long subscriptionId) implements WampMessage {

    public static final int TYPE = 33;

    public Subscribed {
        Check.id(requestId, "SUBSCRIBED.Request");
        Check.id(subscriptionId, "SUBSCRIBED.Subscription");
    }

    @Override
    public int type() {
        return TYPE;
    }
}
