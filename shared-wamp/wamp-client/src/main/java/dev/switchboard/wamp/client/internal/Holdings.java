package dev.switchboard.wamp.client.internal;

import dev.switchboard.wamp.client.ReconnectPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The registrations and subscriptions a client holds across sessions: made in one session, made again in every new
 * one after a reconnect, until they are ended or revoked. One that cannot be made again at once (e.g.
 * {@code wamp.error.procedure_already_exists} while the router still holds the previous session) stays held and is
 * tried again in the same session with backoff, until it is made, ended or revoked, or the session ends.
 */
final class Holdings {

    /** The shortest delay between two tries, whatever the reconnect policy says (it may say zero). */
    private static final Duration MIN_RETRY_DELAY = Duration.ofMillis(100);

    private static final Log log = LogFactory.getLog(Holdings.class);

    private final Set<RealRegistration> registrations = ConcurrentHashMap.newKeySet();
    private final Set<RealSubscription> subscriptions = ConcurrentHashMap.newKeySet();
    private final Backoff retries;

    /** @param reconnect whose delays (not its attempt limit) space the tries of what could not be made again */
    Holdings(ReconnectPolicy reconnect) {
        this.retries = new Backoff(retryPolicy(reconnect), () -> ThreadLocalRandom.current().nextDouble());
    }

    static ReconnectPolicy retryPolicy(ReconnectPolicy reconnect) {
        Duration initial = max(reconnect.initialDelay(), MIN_RETRY_DELAY);
        return new ReconnectPolicy(initial, max(reconnect.maxDelay(), initial), reconnect.multiplier(),
                reconnect.jitter(), Integer.MAX_VALUE);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Subscribes in {@code session}; held from now on, so that a reconnect meanwhile restores it too. */
    CompletableFuture<RealSubscription> subscribe(Session session, RealSubscription subscription) {
        subscriptions.add(subscription);
        return session.requests().subscribe(subscription).handle((ignored, failure) -> {
            if (failure != null) {
                drop(subscription);
                throw failure instanceof RuntimeException e ? e : new IllegalStateException(failure);
            }
            return subscription;
        });
    }

    CompletableFuture<RealRegistration> register(Session session, RealRegistration registration) {
        registrations.add(registration);
        return session.requests().register(registration).handle((ignored, failure) -> {
            if (failure != null) {
                drop(registration);
                throw failure instanceof RuntimeException e ? e : new IllegalStateException(failure);
            }
            return registration;
        });
    }

    CompletableFuture<Void> unsubscribe(RealSubscription subscription) {
        subscription.deactivate();
        Session session = subscription.session();
        if (!subscriptions.remove(subscription) || session == null || !session.isEstablished()) {
            return CompletableFuture.completedFuture(null); // a later session will not restore it
        }
        return session.requests().unsubscribe(subscription);
    }

    CompletableFuture<Void> unregister(RealRegistration registration) {
        registration.deactivate();
        Session session = registration.session();
        if (!registrations.remove(registration) || session == null || !session.isEstablished()) {
            return CompletableFuture.completedFuture(null);
        }
        return session.requests().unregister(registration);
    }

    /** Ends a registration the dealer revoked. */
    void drop(RealRegistration registration) {
        registration.deactivate();
        registrations.remove(registration);
    }

    void drop(RealSubscription subscription) {
        subscription.deactivate();
        subscriptions.remove(subscription);
    }

    /**
     * Registers and subscribes again everything held, in a new session. Completes once each has been tried once;
     * those that failed are tried again later, in this session, with backoff (one that fails because the session
     * ended is left to the next session).
     */
    CompletableFuture<Void> restore(Session session) {
        List<CompletableFuture<Void>> restored = new ArrayList<>();
        for (RealRegistration registration : registrations) {
            restored.add(establish(session, new Holding("register " + registration.procedure(),
                    () -> registrations.contains(registration), s -> s.requests().register(registration),
                    s -> s.requests().unregister(registration)), 0));
        }
        for (RealSubscription subscription : subscriptions) {
            restored.add(establish(session, new Holding("subscribe to " + subscription.topic(),
                    () -> subscriptions.contains(subscription), s -> s.requests().subscribe(subscription),
                    s -> s.requests().unsubscribe(subscription)), 0));
        }
        return CompletableFuture.allOf(restored.toArray(CompletableFuture[]::new));
    }

    /**
     * One try at making {@code holding} in {@code session}; on failure the next try is scheduled. A holding ended
     * while its request was out is ended in the session too, once the answer has made it.
     */
    private CompletableFuture<Void> establish(Session session, Holding holding, int failures) {
        if (!holding.held().getAsBoolean() || !session.isEstablished()) {
            return CompletableFuture.completedFuture(null);
        }
        return holding.make().apply(session).handle((ignored, thrown) -> {
            Throwable failure = thrown instanceof CompletionException && thrown.getCause() != null
                    ? thrown.getCause() : thrown;
            if (failure == null) {
                if (!holding.held().getAsBoolean()) {
                    holding.end().apply(session).exceptionally(notEnded -> null);
                } else if (failures > 0) {
                    log.info("Could " + holding.what() + " again after " + failures + " failed tries");
                }
            } else if (session.isEstablished() && holding.held().getAsBoolean()) {
                int attempt = failures + 1;
                Duration delay = retries.delay(attempt);
                String message = "Could not " + holding.what() + " again after reconnecting (try " + attempt
                        + "); trying again in " + delay.toMillis() + " ms: " + Messages.reason(failure);
                if (attempt == 1) {
                    log.warn(message);
                } else {
                    log.debug(message);
                }
                ClientThreads.TIMER.schedule(() -> ClientThreads.CALLBACKS.execute(
                        () -> establish(session, holding, attempt)), delay.toNanos(), TimeUnit.NANOSECONDS);
            }
            return null;
        });
    }

    /** A registration or subscription as {@link #establish} sees it. */
    private record Holding(String what, BooleanSupplier held, Function<Session, CompletableFuture<Void>> make,
                           Function<Session, CompletableFuture<Void>> end) {
    }
}
