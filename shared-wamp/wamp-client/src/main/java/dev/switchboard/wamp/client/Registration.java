package dev.switchboard.wamp.client;

import dev.switchboard.wamp.message.RegisterOptions;
import java.util.concurrent.CompletableFuture;

/**
 * A procedure the client has registered. It outlives connections: after a reconnect the client registers again, and
 * this handle stays valid (its {@link #id()} may change).
 */
public interface Registration {

    String procedure();

    RegisterOptions options();

    /** The dealer's {@code REGISTERED.Registration} id in the current session. */
    long id();

    /**
     * False once unregistered, revoked by the dealer (e.g. another callee registered with {@code force_reregister}),
     * or not re-established after a reconnect.
     */
    boolean isActive();

    /** Ends the registration. Invocations already running finish. */
    CompletableFuture<Void> unregister();
}
