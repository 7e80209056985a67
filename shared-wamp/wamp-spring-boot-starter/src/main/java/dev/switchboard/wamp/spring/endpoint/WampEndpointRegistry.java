package dev.switchboard.wamp.spring.endpoint;

import dev.switchboard.wamp.client.ConnectionState;
import dev.switchboard.wamp.client.ConnectionStateListener;
import dev.switchboard.wamp.client.Registration;
import dev.switchboard.wamp.client.Subscription;
import dev.switchboard.wamp.client.WampClient;
import dev.switchboard.wamp.client.WampException;
import dev.switchboard.wamp.spring.WampMetricsRecorder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;

/**
 * The application's WAMP endpoints. While running, it registers and subscribes each of them once the client's
 * session is established; one the router refuses for a reason that clears by itself (e.g.
 * {@code wamp.error.procedure_already_exists} while it still holds this application's previous session, or
 * {@code wamp.error.unavailable}) is tried again with backoff (from {@value #FIRST_RETRY_MILLIS} ms, doubling, up to
 * {@value #MAX_RETRY_MILLIS} ms, counted afresh in every session) until it is made. One refused for any other reason
 * (e.g. {@code wamp.error.not_authorized}, {@code wamp.error.invalid_uri}) would be refused forever: it is logged once
 * as a warning and left unmade, so that {@link #allEstablished()} (and the health indicator) stays false. After a
 * reconnect the client makes them again itself, retrying likewise. Stopping ends them, including one whose request is
 * still out.
 */
public final class WampEndpointRegistry implements SmartLifecycle, ConnectionStateListener {

    /** Starts after the beans that feed it, before the client connects. */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1024;

    static final long FIRST_RETRY_MILLIS = 500;
    static final long MAX_RETRY_MILLIS = 30_000;

    private static final Log log = LogFactory.getLog(WampEndpointRegistry.class);

    private final WampClient client;
    private final WampMetricsRecorder metrics;
    private final List<Held> endpoints = new ArrayList<>();
    private final AtomicInteger busy = new AtomicInteger();
    private volatile boolean running;

    public WampEndpointRegistry(WampClient client, WampMetricsRecorder metrics) {
        this.client = client;
        this.metrics = metrics;
    }

    /** Adds an endpoint; it is made at once when the registry runs and the session is established. */
    public void add(WampEndpoint endpoint) {
        synchronized (endpoints) {
            endpoints.add(new Held(instrument(endpoint)));
        }
        if (running) {
            establish();
        }
    }

    public List<WampEndpoint> endpoints() {
        synchronized (endpoints) {
            return endpoints.stream().map(held -> held.endpoint).toList();
        }
    }

    /** How many invocations and events the endpoints are handling right now. */
    public int busyHandlers() {
        return busy.get();
    }

    /** Whether every endpoint is registered or subscribed in the current session. */
    public boolean allEstablished() {
        synchronized (endpoints) {
            return endpoints.stream().allMatch(Held::isEstablished);
        }
    }

    @Override
    public void start() {
        synchronized (endpoints) {
            endpoints.forEach(held -> held.refused = false); // a restart tries everything once more
        }
        running = true;
        client.addStateListener(this);
        establish();
    }

    @Override
    public void stop() {
        running = false;
        client.removeStateListener(this);
        List<CompletableFuture<Void>> ending = new ArrayList<>();
        synchronized (endpoints) {
            for (Held held : endpoints) {
                if (held.registration != null) {
                    ending.add(held.registration.unregister());
                } else if (held.subscription != null) {
                    ending.add(held.subscription.unsubscribe());
                }
                held.registration = null;
                held.subscription = null;
            }
        }
        ending.forEach(future -> future.exceptionally(failure -> null));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    @Override
    public void onStateChanged(ConnectionState previous, ConnectionState current, @Nullable Throwable cause) {
        if (current == ConnectionState.ESTABLISHED) {
            synchronized (endpoints) {
                endpoints.forEach(held -> {
                    held.failures = 0; // backoff starts afresh in every session
                    held.lastReason = null;
                });
            }
            establish();
        }
    }

    private void establish() {
        if (!running || client.state() != ConnectionState.ESTABLISHED) {
            return;
        }
        synchronized (endpoints) {
            endpoints.forEach(this::establish);
        }
    }

    /**
     * Makes {@code held} unless it is held already, its request is out, or the router refused it for good. The pending
     * flag is taken atomically: a delayed retry and a new session may both get here at once.
     */
    private void establish(Held held) {
        if (held.refused || held.isHeld() || !held.pending.compareAndSet(false, true)) {
            return; // the client makes a held one again in every session
        }
        if (held.isHeld()) { // made by a request that completed between the check and the flag
            held.pending.set(false);
            return;
        }
        CompletableFuture<?> made = switch (held.endpoint) {
            case WampEndpoint.Procedure procedure ->
                    client.register(procedure.uri(), procedure.options(), procedure.handler())
                            .thenAccept(registration -> {
                                held.registration = registration;
                                if (!running) { // stopped while the request was out: stop() may not have seen it
                                    held.registration = null;
                                    registration.unregister().exceptionally(failure -> null);
                                }
                            });
            case WampEndpoint.Subscriber subscriber ->
                    client.subscribe(subscriber.uri(), subscriber.options(), subscriber.handler())
                            .thenAccept(subscription -> {
                                held.subscription = subscription;
                                if (!running) {
                                    held.subscription = null;
                                    subscription.unsubscribe().exceptionally(failure -> null);
                                }
                            });
        };
        made.whenComplete((ignored, thrown) -> {
            held.pending.set(false);
            if (thrown == null) {
                if (held.failures > 0) {
                    log.info("Could " + held.what() + " after " + held.failures + " failed tries");
                }
                held.failures = 0;
                held.lastReason = null;
                return;
            }
            if (!running) {
                return;
            }
            Throwable failure = thrown instanceof CompletionException && thrown.getCause() != null
                    ? thrown.getCause() : thrown;
            String reason = failure instanceof WampException ? failure.getMessage() : failure.toString();
            if (!WampException.mayClearOnRetry(failure, held.endpoint instanceof WampEndpoint.Procedure)) {
                held.refused = true;
                log.warn("Could not " + held.what() + ": the router refused it with " + reason
                        + "; it is not tried again until the application restarts");
                return;
            }
            if (client.state() != ConnectionState.ESTABLISHED) {
                // no session: made once the next one is established (see onStateChanged), not by a retry
                log.info("Could not " + held.what() + " as the session ended; it is made in the next one: "
                        + reason);
                return;
            }
            int failures = ++held.failures;
            long delay = Math.min(MAX_RETRY_MILLIS, FIRST_RETRY_MILLIS << Math.min(failures - 1, 16));
            String message = "Could not " + held.what() + " (try " + failures + "); trying again in " + delay
                    + " ms: " + reason;
            if (!reason.equals(held.lastReason)) {
                log.warn(message);
            } else {
                log.debug(message);
            }
            held.lastReason = reason;
            CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS).execute(() -> {
                if (running && client.state() == ConnectionState.ESTABLISHED) {
                    establish(held);
                }
            });
        });
    }

    private WampEndpoint instrument(WampEndpoint endpoint) {
        return switch (endpoint) {
            case WampEndpoint.Procedure procedure -> new WampEndpoint.Procedure(procedure.uri(), procedure.options(),
                    invocation -> {
                        busy.incrementAndGet();
                        long start = System.nanoTime();
                        String error = null;
                        try {
                            return procedure.handler().invoke(invocation);
                        } catch (Exception | Error e) {
                            error = e instanceof WampException wamp ? wamp.error() : e.getClass().getSimpleName();
                            throw e;
                        } finally {
                            busy.decrementAndGet();
                            metrics.invocationCompleted(procedure.uri(), System.nanoTime() - start, error);
                        }
                    });
            case WampEndpoint.Subscriber subscriber -> new WampEndpoint.Subscriber(subscriber.uri(),
                    subscriber.options(), event -> {
                        busy.incrementAndGet();
                        long start = System.nanoTime();
                        String error = null;
                        try {
                            subscriber.handler().onEvent(event);
                        } catch (Exception | Error e) {
                            error = e.getClass().getSimpleName();
                            throw e;
                        } finally {
                            busy.decrementAndGet();
                            metrics.eventHandled(subscriber.uri(), System.nanoTime() - start, error);
                        }
                    });
        };
    }

    private static final class Held {
        final WampEndpoint endpoint;
        volatile @Nullable Registration registration;
        volatile @Nullable Subscription subscription;
        /** A register or subscribe request is out. */
        final AtomicBoolean pending = new AtomicBoolean();
        /** The router refused it for a reason that does not clear by itself. */
        volatile boolean refused;
        volatile int failures;
        volatile @Nullable String lastReason;

        Held(WampEndpoint endpoint) {
            this.endpoint = endpoint;
        }

        String what() {
            return (endpoint instanceof WampEndpoint.Procedure ? "register " : "subscribe to ") + endpoint.uri();
        }

        /** Held by the client, which makes it again in every session. */
        boolean isHeld() {
            Registration r = registration;
            Subscription s = subscription;
            return (r != null && r.isActive()) || (s != null && s.isActive());
        }

        /** Made in the current session. */
        boolean isEstablished() {
            Registration r = registration;
            Subscription s = subscription;
            return (r != null && r.isRegistered()) || (s != null && s.isSubscribed());
        }
    }
}
