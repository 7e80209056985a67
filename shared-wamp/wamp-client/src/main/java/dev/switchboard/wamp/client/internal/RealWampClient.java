package dev.switchboard.wamp.client.internal;

import dev.switchboard.wamp.client.CallFuture;
import dev.switchboard.wamp.client.CallObserver;
import dev.switchboard.wamp.client.ConnectionState;
import dev.switchboard.wamp.client.ConnectionStateListener;
import dev.switchboard.wamp.client.EventHandler;
import dev.switchboard.wamp.client.InvocationHandler;
import dev.switchboard.wamp.client.NotConnectedException;
import dev.switchboard.wamp.client.ProgressListener;
import dev.switchboard.wamp.client.ProgressiveCall;
import dev.switchboard.wamp.client.Registration;
import dev.switchboard.wamp.client.SessionDetails;
import dev.switchboard.wamp.client.Subscription;
import dev.switchboard.wamp.client.WampClient;
import dev.switchboard.wamp.client.WampException;
import dev.switchboard.wamp.message.CallOptions;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.PublishOptions;
import dev.switchboard.wamp.message.RegisterOptions;
import dev.switchboard.wamp.message.SubscribeOptions;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The {@link WampClient}: the connection state machine around one {@link Session} at a time, and the registrations
 * and subscriptions it re-establishes in every new session. State changes happen under one lock; listeners hear of
 * them in order on a serial queue of their own.
 */
public final class RealWampClient implements WampClient, SessionListener {

    private static final Log log = LogFactory.getLog(RealWampClient.class);

    private final ClientConfig config;
    private final Connector connector;
    private final Backoff backoff;
    private final Object lock = new Object();
    private final List<ConnectionStateListener> listeners = new CopyOnWriteArrayList<>();
    private final SerialExecutor notifications = new SerialExecutor(ClientThreads.CALLBACKS, Integer.MAX_VALUE);
    private final Holdings holdings;

    // guarded by lock
    private volatile ConnectionState state = ConnectionState.DISCONNECTED;
    private @Nullable Session current;
    private volatile @Nullable Session established;
    private volatile @Nullable SessionDetails details;
    private boolean stopping;
    private int retries;
    private CompletableFuture<SessionDetails> connected = new CompletableFuture<>();
    private CompletableFuture<Void> disconnected = CompletableFuture.completedFuture(null);
    private @Nullable ScheduledFuture<?> retryTimer;
    private @Nullable ScheduledFuture<?> attemptTimer;

    RealWampClient(ClientConfig config, Connector connector) {
        this.config = config;
        this.connector = connector;
        this.backoff = new Backoff(config.reconnect(), () -> ThreadLocalRandom.current().nextDouble());
        this.holdings = new Holdings(config.reconnect());
        this.listeners.addAll(config.listeners());
    }

    /** The client of the builder: WebSocket connections through Spring's {@code WebSocketClient}. */
    public static RealWampClient create(ClientConfig config) {
        return new RealWampClient(config, new WebSocketConnector(config));
    }

    // --- the state machine ---

    @Override
    public CompletableFuture<SessionDetails> connect() {
        synchronized (lock) {
            if (state == ConnectionState.DISCONNECTED) {
                stopping = false;
                retries = 0;
                connected = new CompletableFuture<>();
                disconnected = new CompletableFuture<>();
                attempt();
            }
            return connected.copy();
        }
    }

    /** Under the lock: one attempt, bounded by the connect timeout from opening the WebSocket to WELCOME. */
    private void attempt() {
        Session session = new Session(config, this);
        current = session;
        transition(ConnectionState.CONNECTING, null);
        NotConnectedException timedOut = new NotConnectedException(
                "no session with " + config.url() + " within the connect timeout of " + config.connectTimeout());
        attemptTimer = ClientThreads.TIMER.schedule(() -> session.abandon(timedOut),
                config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        ClientThreads.CALLBACKS.execute(() -> connector.connect(session));
    }

    @Override
    public void joining(Session session) {
        synchronized (lock) {
            if (current == session) {
                transition(ConnectionState.JOINING, null);
            }
        }
    }

    @Override
    public void welcomed(Session session, SessionDetails welcome) {
        synchronized (lock) {
            if (current != session) {
                return;
            }
        }
        ClientThreads.CALLBACKS.execute(() -> holdings.restore(session).whenComplete((ignored, failure) -> {
            synchronized (lock) {
                if (current != session || !session.isEstablished()) {
                    return; // lost while restoring: closed() has taken over
                }
                cancel(attemptTimer);
                retries = 0;
                details = welcome;
                established = session;
                transition(ConnectionState.ESTABLISHED, null);
                connected.complete(welcome);
            }
        }));
    }

    @Override
    public void aborted(Session session, WampException reason) {
        synchronized (lock) {
            if (current != session) {
                return;
            }
            current = null;
            cancel(attemptTimer);
            transition(ConnectionState.DISCONNECTED, reason);
            connected.completeExceptionally(reason);
        }
    }

    @Override
    public void closed(Session session, Throwable cause) {
        synchronized (lock) {
            if (current != session) {
                return;
            }
            current = null;
            established = null;
            details = null;
            cancel(attemptTimer);
            if (stopping) {
                transition(ConnectionState.DISCONNECTED, null);
                connected.completeExceptionally(new NotConnectedException("the client disconnected"));
                return;
            }
            int retry = ++retries;
            if (!backoff.allows(retry)) {
                transition(ConnectionState.DISCONNECTED, cause);
                connected.completeExceptionally(retry == 1 ? cause : new NotConnectedException(
                        "gave up after " + (retry - 1) + " retries: " + Messages.reason(cause), cause));
                return;
            }
            Duration delay = backoff.delay(retry);
            transition(ConnectionState.RECONNECTING, cause);
            retryTimer = ClientThreads.TIMER.schedule(this::retry, delay.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void retry() {
        synchronized (lock) {
            if (state == ConnectionState.RECONNECTING && !stopping) {
                attempt();
            }
        }
    }

    @Override
    public CompletableFuture<Void> disconnect() {
        Session closing;
        synchronized (lock) {
            if (state == ConnectionState.DISCONNECTED) {
                return CompletableFuture.completedFuture(null);
            }
            stopping = true;
            cancel(retryTimer);
            closing = current;
            if (closing == null) { // waiting to retry
                transition(ConnectionState.DISCONNECTED, null);
                connected.completeExceptionally(new NotConnectedException("the client disconnected"));
                return CompletableFuture.completedFuture(null);
            }
        }
        closing.close(config.closeTimeout(), new NotConnectedException("the client disconnected"));
        return disconnected.copy();
    }

    /** {@link #disconnect()}, waiting for it, then releases the connector's own resources (a later connect remakes them). */
    @Override
    public void close() {
        try {
            disconnect().get(config.closeTimeout().multipliedBy(3).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.debug("Disconnecting from " + config.url() + " did not finish cleanly", e);
        } finally {
            connector.close();
        }
    }

    /** Under the lock. */
    private void transition(ConnectionState next, @Nullable Throwable cause) {
        ConnectionState previous = state;
        if (previous == next) {
            return;
        }
        state = next;
        if (next != ConnectionState.ESTABLISHED) {
            established = null;
        }
        if (next == ConnectionState.DISCONNECTED) {
            disconnected.complete(null);
        }
        notifications.offer(() -> {
            for (ConnectionStateListener listener : listeners) {
                try {
                    listener.onStateChanged(previous, next, cause);
                } catch (Throwable failure) {
                    log.warn("A connection state listener failed", failure);
                }
            }
        });
    }

    private static void cancel(@Nullable ScheduledFuture<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    @Override
    public ConnectionState state() {
        return state;
    }

    @Override
    public @Nullable SessionDetails session() {
        return established != null ? details : null;
    }

    @Override
    public void addStateListener(ConnectionStateListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeStateListener(ConnectionStateListener listener) {
        listeners.remove(listener);
    }

    // --- requests: only in an established session; nothing waits for one ---

    private @Nullable Session establishedSession() {
        Session session = established;
        return session != null && session.isEstablished() ? session : null;
    }

    private NotConnectedException notConnected() {
        return new NotConnectedException("not connected to " + config.url() + " (the client is " + state + ")");
    }

    @Override
    public CallFuture call(String procedure, Payload.Arguments arguments) {
        return call(procedure, arguments, CallOptions.DEFAULT);
    }

    @Override
    public CallFuture call(String procedure, Payload.Arguments arguments, CallOptions options) {
        return callWith(procedure, arguments, options, null);
    }

    @Override
    public CallFuture call(String procedure, Payload.Arguments arguments, CallOptions options,
                           ProgressListener progress) {
        return callWith(procedure, arguments, options, progress);
    }

    private CallFuture callWith(String procedure, Payload.Arguments arguments, CallOptions options,
                                @Nullable ProgressListener progress) {
        long start = System.nanoTime();
        Session session = establishedSession();
        CallFuture call = session == null ? FailedCall.of(notConnected())
                : session.requests().call(procedure, arguments, options, progress);
        return observed(call, procedure, start);
    }

    @Override
    public ProgressiveCall callProgressive(String procedure, Payload.Arguments firstChunk, CallOptions options,
                                           @Nullable ProgressListener progress) {
        long start = System.nanoTime();
        Session session = establishedSession();
        ProgressiveCall call = session == null ? FailedCall.progressive(notConnected())
                : session.requests().callProgressive(procedure, firstChunk, options, progress);
        observed(call.result(), procedure, start);
        return call;
    }

    /** Tells the call observers of the call's outcome, when there are any. */
    private CallFuture observed(CallFuture call, String procedure, long start) {
        List<CallObserver> observers = config.callObservers();
        if (!observers.isEmpty()) {
            call.whenComplete((result, failure) -> {
                long nanos = System.nanoTime() - start;
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                for (CallObserver observer : observers) {
                    try {
                        observer.callEnded(procedure, nanos, cause);
                    } catch (Throwable broken) {
                        log.warn("A call observer failed", broken);
                    }
                }
            });
        }
        return call;
    }

    @Override
    public CompletableFuture<OptionalLong> publish(String topic, Payload.Arguments arguments) {
        return publish(topic, arguments, PublishOptions.DEFAULT);
    }

    @Override
    public CompletableFuture<OptionalLong> publish(String topic, Payload.Arguments arguments,
                                                  PublishOptions options) {
        Session session = establishedSession();
        if (session == null) {
            return CompletableFuture.failedFuture(notConnected());
        }
        return session.requests().publish(topic, arguments, options);
    }

    @Override
    public CompletableFuture<Subscription> subscribe(String topic, EventHandler handler) {
        return subscribe(topic, SubscribeOptions.DEFAULT, handler);
    }

    @Override
    public CompletableFuture<Subscription> subscribe(String topic, SubscribeOptions options, EventHandler handler) {
        Session session = establishedSession();
        if (session == null) {
            return CompletableFuture.failedFuture(notConnected());
        }
        RealSubscription subscription = new RealSubscription(this, topic, options, handler,
                new SerialExecutor(config.handlerExecutor(), config.eventQueueCapacity()));
        return holdings.subscribe(session, subscription).thenApply(Subscription.class::cast);
    }

    CompletableFuture<Void> unsubscribe(RealSubscription subscription) {
        return holdings.unsubscribe(subscription);
    }

    @Override
    public CompletableFuture<Registration> register(String procedure, InvocationHandler handler) {
        return register(procedure, RegisterOptions.DEFAULT, handler);
    }

    @Override
    public CompletableFuture<Registration> register(String procedure, RegisterOptions options,
                                                    InvocationHandler handler) {
        Session session = establishedSession();
        if (session == null) {
            return CompletableFuture.failedFuture(notConnected());
        }
        RealRegistration registration = new RealRegistration(this, procedure, options, handler);
        return holdings.register(session, registration).thenApply(Registration.class::cast);
    }

    CompletableFuture<Void> unregister(RealRegistration registration) {
        return holdings.unregister(registration);
    }

    @Override
    public void revoked(RealRegistration registration) {
        holdings.drop(registration);
    }

    @Override
    public void revoked(RealSubscription subscription) {
        holdings.drop(subscription);
    }

    @Override
    public String toString() {
        return "WampClient[" + config.url() + ", realm " + config.realm() + ", " + state + "]";
    }
}
