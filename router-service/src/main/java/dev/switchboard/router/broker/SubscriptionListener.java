package dev.switchboard.router.broker;

/**
 * Hears the subscription lifecycle, for the subscription meta API ({@code wamp.subscription.on_create},
 * {@code on_subscribe}, {@code on_unsubscribe}, {@code on_delete}). Called on the routing loop, in that order.
 */
public interface SubscriptionListener {

    SubscriptionListener NONE = new SubscriptionListener() { };

    default void onCreate(long sessionId, Subscription subscription) {
    }

    default void onSubscribe(long sessionId, Subscription subscription) {
    }

    default void onUnsubscribe(long sessionId, Subscription subscription) {
    }

    default void onDelete(long sessionId, Subscription subscription) {
    }
}
