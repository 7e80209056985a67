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
     * False once unregistered or revoked by the dealer (e.g. another callee registered with {@code force_reregister}).
     * A registration the client could not make again after a reconnect stays active: the client keeps trying, with
     * backoff, until it succeeds or the registration is ended.
     */
    boolean isActive();

    /**
     * Whether the dealer holds this registration in the current session: false while the client is not connected,
     * while it registers again after a reconnect (and keeps trying after a failure), and once it is no longer
     * {@link #isActive() active}.
     */
    boolean isRegistered();

    /** Ends the registration. Invocations already running finish. */
    CompletableFuture<Void> unregister();
}
