package dev.switchboard.wamp.client;

import dev.switchboard.wamp.message.SubscribeOptions;
import java.util.concurrent.CompletableFuture;

/**
 * A subscription the client holds. It outlives connections: after a reconnect the client subscribes again, and this
 * handle stays valid (its {@link #id()} may change).
 */
public interface Subscription {

    String topic();

    SubscribeOptions options();

    /** The broker's {@code SUBSCRIBED.Subscription} id in the current session. */
    long id();

    /** False once unsubscribed, revoked by the broker, or not re-established after a reconnect. */
    boolean isActive();

    /** Ends the subscription; no event reaches the handler afterwards. */
    CompletableFuture<Void> unsubscribe();
}
