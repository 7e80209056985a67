package dev.switchboard.wamp.client.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The registrations and subscriptions a client holds across sessions: made in one session, made again in every new
 * one after a reconnect, until they are ended or revoked.
 */
final class Holdings {

    private static final Log log = LogFactory.getLog(Holdings.class);

    private final Set<RealRegistration> registrations = ConcurrentHashMap.newKeySet();
    private final Set<RealSubscription> subscriptions = ConcurrentHashMap.newKeySet();

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

    /** Ends a registration the dealer revoked, or that could not be made again. */
    void drop(RealRegistration registration) {
        registration.deactivate();
        registrations.remove(registration);
    }

    void drop(RealSubscription subscription) {
        subscription.deactivate();
        subscriptions.remove(subscription);
    }

    /**
     * Registers and subscribes again everything held, in a new session. One that fails (e.g. another callee holds
     * the procedure now) is dropped with a warning; one that fails because this session ended too is kept for the
     * next.
     */
    CompletableFuture<Void> restore(Session session) {
        List<CompletableFuture<Void>> restored = new ArrayList<>();
        for (RealRegistration registration : registrations) {
            restored.add(session.requests().register(registration).exceptionally(failure -> {
                if (session.isEstablished()) {
                    log.warn("Could not register " + registration.procedure() + " again after reconnecting; "
                            + "it is dropped: " + failure.getMessage());
                    drop(registration);
                }
                return null;
            }));
        }
        for (RealSubscription subscription : subscriptions) {
            restored.add(session.requests().subscribe(subscription).exceptionally(failure -> {
                if (session.isEstablished()) {
                    log.warn("Could not subscribe to " + subscription.topic() + " again after reconnecting; "
                            + "it is dropped: " + failure.getMessage());
                    drop(subscription);
                }
                return null;
            }));
        }
        return CompletableFuture.allOf(restored.toArray(CompletableFuture[]::new));
    }
}
