package dev.switchboard.wamp.message;

/**
 * Sent by a subscriber to end a subscription.
 *
 * <pre>{@code [UNSUBSCRIBE, Request|id, SUBSCRIBED.Subscription|id]}</pre>
 */
public record Unsubscribe(long requestId, long subscriptionId) implements WampMessage {

    public static final int TYPE = 34;

    public Unsubscribe {
        Check.id(requestId, "UNSUBSCRIBE.Request");
        Check.id(subscriptionId, "UNSUBSCRIBE.Subscription");
    }

    @Override
    public int type() {
        return TYPE;
    }
}
