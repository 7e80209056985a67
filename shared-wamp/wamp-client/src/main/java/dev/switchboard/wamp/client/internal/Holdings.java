package dev.switchboard.wamp.client.internal;

import dev.switchboard.wamp.client.ReconnectPolicy;
import dev.switchboard.wamp.client.WampException;
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
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The registrations and subscriptions a client holds across sessions: made in one session, made again in every new
 * one after a reconnect, until they are ended or revoked. One that cannot be made again at once for a reason that
 * clears by itself ({@code wamp.error.procedure_already_exists} while the router still holds the previous session, or
 * the router being unavailable or timing out) stays held and is tried again in the same session with backoff, until
 * it is made, ended or revoked, or the session ends. One the router refuses for any other reason (e.g.
 * {@code wamp.error.not_authorized}, {@code wamp.error.invalid_uri},
 * {@code wamp.error.procedure_exists_with_different_invocation_policy}) would be refused forever: it is dropped with a
 * warning.
 */
final class Holdings {

    /** The shortest delay between two tries, whatever the reconnect policy and its jitter say (it may say zero). */
    static final Duration MIN_RETRY_DELAY = Duration.ofMillis(100);
    /** The delays between tries grow to at least this, whatever the reconnect policy says… */
    static final Duration MIN_MAX_RETRY_DELAY = Duration.ofSeconds(5);
    /** …and to at most this, so that a refusal that has cleared is noticed soon. */
    static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(30);
    /** The least growth of the delays from one try to the next. */
    private static final double MIN_RETRY_MULTIPLIER = 2.0;

    private static final Log log = LogFactory.getLog(Holdings.class);

    private final Set<RealRegistration> registrations = ConcurrentHashMap.newKeySet();
    private final Set<RealSubscription> subscriptions = ConcurrentHashMap.newKeySet();
    private final Backoff retries;

    /** @param reconnect whose delays (not its attempt limit) space the tries of what could not be made again */
    Holdings(ReconnectPolicy reconnect) {
        this(reconnect, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param random values in [0, 1) for the jitter */
    Holdings(ReconnectPolicy reconnect, DoubleSupplier random) {
        this.retries = new Backoff(retryPolicy(reconnect), random);
    }

    /**
     * The reconnect policy's delays, bent so that tries neither hammer the router nor wait too long: starting at
     * {@link #MIN_RETRY_DELAY} or more, at least doubling, growing to between {@link #MIN_MAX_RETRY_DELAY} and
     * {@link #MAX_RETRY_DELAY}; never giving up.
     */
    private static ReconnectPolicy retryPolicy(ReconnectPolicy reconnect) {
        Duration cap = min(max(reconnect.maxDelay(), MIN_MAX_RETRY_DELAY), MAX_RETRY_DELAY);
        Duration initial = min(max(reconnect.initialDelay(), MIN_RETRY_DELAY), cap);
        return new ReconnectPolicy(initial, cap, Math.max(reconnect.multiplier(), MIN_RETRY_MULTIPLIER),
                reconnect.jitter(), Integer.MAX_VALUE);
    }

    /** The delay before the {@code attempt}-th try again (from 1): jittered, then never below the minimum. */
    Duration retryDelay(int attempt) {
        return max(retries.delay(attempt), MIN_RETRY_DELAY);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
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
     * those refused for a reason that clears by itself are tried again later, in this session, with backoff (one that
     * fails because the session ended is left to the next session); those refused for any other reason are dropped.
     */
    CompletableFuture<Void> restore(Session session) {
        List<CompletableFuture<Void>> restored = new ArrayList<>();
        for (RealRegistration registration : registrations) {
            restored.add(establish(session, new Holding(true, "register " + registration.procedure(),
                    () -> registrations.contains(registration), s -> s.requests().register(registration),
                    s -> s.requests().unregister(registration), () -> drop(registration)), 0, null));
        }
        for (RealSubscription subscription : subscriptions) {
            restored.add(establish(session, new Holding(false, "subscribe to " + subscription.topic(),
                    () -> subscriptions.contains(subscription), s -> s.requests().subscribe(subscription),
                    s -> s.requests().unsubscribe(subscription), () -> drop(subscription)), 0, null));
        }
        return CompletableFuture.allOf(restored.toArray(CompletableFuture[]::new));
    }

    /**
     * One try at making {@code holding} in {@code session}; on a failure that may clear the next try is scheduled, on
     * any other the holding is dropped. A holding ended while its request was out is ended in the session too, once
     * the answer has made it. The first failure and every change of reason are logged as warnings, the tries between
     * at debug level.
     *
     * @param lastReason the reason of the previous failure ({@code null}: none)
     */
    private CompletableFuture<Void> establish(Session session, Holding holding, int failures,
                                              @Nullable String lastReason) {
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
                String reason = Messages.reason(failure);
                if (!WampException.mayClearOnRetry(failure, holding.registration())) {
                    log.warn("Could not " + holding.what() + " again after reconnecting, and trying again would not "
                            + "help; it is dropped: " + reason);
                    holding.drop().run();
                    return null;
                }
                int attempt = failures + 1;
                Duration delay = retryDelay(attempt);
                String message = "Could not " + holding.what() + " again after reconnecting (try " + attempt
                        + "); trying again with backoff (next in " + delay.toMillis() + " ms): " + reason;
                if (!reason.equals(lastReason)) {
                    log.warn(message);
                } else {
                    log.debug(message);
                }
                ClientThreads.TIMER.schedule(() -> ClientThreads.CALLBACKS.execute(
                        () -> establish(session, holding, attempt, reason)), delay.toNanos(), TimeUnit.NANOSECONDS);
            }
            return null;
        });
    }

    /** A registration or subscription as {@link #establish} sees it. */
    private record Holding(boolean registration, String what, BooleanSupplier held,
                           Function<Session, CompletableFuture<Void>> make,
                           Function<Session, CompletableFuture<Void>> end, Runnable drop) {
    }
}
