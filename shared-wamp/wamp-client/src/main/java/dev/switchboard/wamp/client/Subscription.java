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

    /**
     * False once unsubscribed or revoked by the broker. A subscription the client could not make again after a
     * reconnect stays active: the client keeps trying, with backoff, until it succeeds or the subscription is ended.
     */
    boolean isActive();

    /**
     * Whether the broker holds this subscription in the current session: false while the client is not connected,
     * while it subscribes again after a reconnect (and keeps trying after a failure), and once it is no longer
     * {@link #isActive() active}.
     */
    boolean isSubscribed();

    /** Ends the subscription; no event reaches the handler afterwards. */
    CompletableFuture<Void> unsubscribe();
}
