package dev.switchboard.wamp.client.internal;

import dev.switchboard.wamp.client.InvocationHandler;
import dev.switchboard.wamp.client.Registration;
import dev.switchboard.wamp.message.RegisterOptions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;

/**
 * A registration the client holds across sessions, with the local side of its {@code concurrency} option: a slot
 * per running invocation, held until the handler returns (even after an INTERRUPT).
 */
final class RealRegistration implements Registration {

    private final RealWampClient client;
    private final String procedure;
    private final RegisterOptions options;
    private final InvocationHandler handler;
    private final @Nullable Semaphore slots;
    private volatile long id;
    private volatile boolean active = true;
    private volatile @Nullable Session session;

    RealRegistration(RealWampClient client, String procedure, RegisterOptions options, InvocationHandler handler) {
        this.client = client;
        this.procedure = procedure;
        this.options = options;
        this.handler = handler;
        this.slots = options.concurrency() == null ? null : new Semaphore(options.concurrency());
    }

    @Override
    public String procedure() {
        return procedure;
    }

    @Override
    public RegisterOptions options() {
        return options;
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public boolean isActive() {
        return active;
    }

    @Override
    public boolean isRegistered() {
        Session bound = session;
        return active && bound != null && bound.isEstablished();
    }

    @Override
    public CompletableFuture<Void> unregister() {
        return client.unregister(this);
    }

    InvocationHandler handler() {
        return handler;
    }

    @Nullable Session session() {
        return session;
    }

    void bound(Session session, long id) {
        this.session = session;
        this.id = id;
    }

    void deactivate() {
        active = false;
    }

    /** Takes a slot for one invocation; false when {@code concurrency} invocations are running. */
    boolean tryAcquire() {
        return slots == null || slots.tryAcquire();
    }

    void release() {
        if (slots != null) {
            slots.release();
        }
    }

    @Override
    public String toString() {
        return "Registration[" + procedure + ", id " + id + (active ? "" : ", inactive") + "]";
    }
}
