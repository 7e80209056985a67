package dev.switchboard.router.broker;

import dev.switchboard.router.routing.LimitListener;
import dev.switchboard.router.routing.Peer;
import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.IdGenerator;
import dev.switchboard.wamp.Match;
import dev.switchboard.wamp.matching.UriPattern;
import dev.switchboard.wamp.matching.UriPatternIndex;
import dev.switchboard.wamp.message.Error;
import dev.switchboard.wamp.message.Event;
import dev.switchboard.wamp.message.EventDetails;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.Publish;
import dev.switchboard.wamp.message.Published;
import dev.switchboard.wamp.message.Subscribe;
import dev.switchboard.wamp.message.Subscribed;
import dev.switchboard.wamp.message.Unsubscribe;
import dev.switchboard.wamp.message.Unsubscribed;
import java.time.Clock;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Routes publications to subscriptions (basic profile, "Publish and Subscribe"; advanced profile: pattern-based
 * subscription, publisher exclusion and identification, subscriber black- and whitelisting, event retention).
 * Not thread-safe: every method runs on the realm's routing loop.
 */
public final class Broker {

    /**
     * Not a standard URI (the spec names no error for it, and {@code wamp.} is reserved to the spec): a SUBSCRIBE
     * beyond the session's limit of subscriptions.
     */
    public static final String TOO_MANY_SUBSCRIPTIONS = ErrorUris.TOO_MANY_SUBSCRIPTIONS;
    static final String SUBSCRIPTIONS_LIMIT = "subscriptions-per-session";

    private final UriPatternIndex<Subscription> subscriptions = new UriPatternIndex<>();
    private final Map<Long, Subscription> byId = new HashMap<>();
    private final Map<Long, Set<Subscription>> bySession = new HashMap<>();
    private final Map<String, RetainedEvent> retained = new LinkedHashMap<>();
    private final IdGenerator publicationIds = IdGenerator.random();
    private final IdGenerator subscriptionIds = IdGenerator.random();
    private final SubscriptionListener listener;
    private final Clock clock;
    private final int maxSubscriptions;
    private final LimitListener limitListener;

    public Broker(SubscriptionListener listener, Clock clock) {
        this(listener, clock, 0, LimitListener.NONE);
    }

    /**
     * @param maxSubscriptions how many subscriptions one session may have; a further SUBSCRIBE gets ERROR
     *                         {@value #TOO_MANY_SUBSCRIPTIONS}. {@code 0}: no limit
     * @param limitListener    hears that limit refuse a SUBSCRIBE
     */
    public Broker(SubscriptionListener listener, Clock clock, int maxSubscriptions, LimitListener limitListener) {
        if (maxSubscriptions < 0) {
            throw new IllegalArgumentException("maxSubscriptions must not be negative, got " + maxSubscriptions);
        }
        this.listener = listener;
        this.clock = clock;
        this.maxSubscriptions = maxSubscriptions;
        this.limitListener = limitListener;
    }

    /**
     * SUBSCRIBE: joins or creates the subscription of the pattern; subscribing twice yields the same id. A session
     * at its limit of subscriptions may repeat one it has, but not add another.
     */
    public void subscribe(Peer peer, Subscribe request) {
        UriPattern pattern = new UriPattern(request.topic(), request.options().match());
        Subscription subscription = subscriptions.get(pattern);
        if (maxSubscriptions > 0 && (subscription == null || !subscription.has(peer.sessionId()))) {
            Set<Subscription> ofSession = bySession.get(peer.sessionId());
            if (ofSession != null && ofSession.size() >= maxSubscriptions) {
                limitListener.onLimitExceeded(SUBSCRIPTIONS_LIMIT);
                peer.send(new Error(Subscribe.TYPE, request.requestId(), Map.of(), TOO_MANY_SUBSCRIPTIONS,
                        Payload.of("this session already has " + maxSubscriptions + " subscriptions")));
                return;
            }
        }
        boolean created = subscription == null;
        if (created) {
            subscription = new Subscription(nextSubscriptionId(), pattern, clock.instant());
            subscriptions.put(pattern, subscription);
            byId.put(subscription.id(), subscription);
        }
        boolean added = subscription.add(peer);
        bySession.computeIfAbsent(peer.sessionId(), id -> new java.util.LinkedHashSet<>()).add(subscription);
        peer.send(new Subscribed(request.requestId(), subscription.id()));
        if (created) {
            listener.onCreate(peer.sessionId(), subscription);
        }
        if (added) {
            listener.onSubscribe(peer.sessionId(), subscription);
        }
        if (request.options().getRetained()) {
            deliverRetained(peer, subscription);
        }
    }

    /** UNSUBSCRIBE: leaves the subscription, which is deleted with its last subscriber. */
    public void unsubscribe(Peer peer, Unsubscribe request) {
        Subscription subscription = byId.get(request.subscriptionId());
        if (subscription == null || !subscription.has(peer.sessionId())) {
            peer.send(new Error(Unsubscribe.TYPE, request.requestId(), Map.of(), ErrorUris.NO_SUCH_SUBSCRIPTION,
                    Payload.EMPTY));
            return;
        }
        detach(peer.sessionId(), subscription);
        Set<Subscription> ofSession = bySession.get(peer.sessionId());
        if (ofSession != null) {
            ofSession.remove(subscription);
        }
        peer.send(new Unsubscribed(request.requestId(), Map.of()));
    }

    /**
     * PUBLISH: one EVENT per matching subscription to each eligible subscriber, PUBLISHED if asked for.
     *
     * @param disclose whether the subscribers learn who published (the publisher asked and may)
     */
    public void publish(Peer publisher, Publish request, boolean disclose) {
        long publicationId = publicationIds.next();
        String topic = request.topic();
        for (Subscription subscription : subscriptions.matchAll(topic)) {
            Event event = null;
            for (Peer subscriber : subscription.subscribers()) {
                if (Eligibility.receives(subscriber, publisher, request.options())) {
                    if (event == null) {
                        event = event(subscription, publicationId, topic, publisher, disclose, false,
                                request.payload());
                    }
                    subscriber.send(event);
                }
            }
        }
        if (request.options().retain()) {
            // the publisher's identity only: its connection must not live on in the retained event
            retained.put(topic, new RetainedEvent(topic, publicationId, publisher.identity(), disclose,
                    request.options(), request.payload()));
        }
        if (request.options().acknowledge()) {
            publisher.send(new Published(request.requestId(), publicationId));
        }
    }

    /** The session left the realm: it leaves every subscription it had. */
    public void leave(long sessionId) {
        Set<Subscription> ofSession = bySession.remove(sessionId);
        if (ofSession != null) {
            for (Subscription subscription : ofSession) {
                detach(sessionId, subscription);
            }
        }
    }

    private void detach(long sessionId, Subscription subscription) {
        if (!subscription.remove(sessionId)) {
            return;
        }
        listener.onUnsubscribe(sessionId, subscription);
        if (subscription.isEmpty()) {
            subscriptions.remove(subscription.pattern());
            byId.remove(subscription.id());
            listener.onDelete(sessionId, subscription);
        }
    }

    private void deliverRetained(Peer subscriber, Subscription subscription) {
        if (subscription.pattern().match() == Match.EXACT) {
            RetainedEvent event = retained.get(subscription.pattern().uri());
            if (event != null) {
                deliverRetained(subscriber, subscription, event);
            }
            return;
        }
        UriPatternIndex<Subscription> only = new UriPatternIndex<>();
        only.put(subscription.pattern(), subscription);
        for (RetainedEvent event : retained.values()) {
            if (only.bestMatch(event.topic()) != null) {
                deliverRetained(subscriber, subscription, event);
            }
        }
    }

    private void deliverRetained(Peer subscriber, Subscription subscription, RetainedEvent event) {
        if (Eligibility.receives(subscriber, event.publisher(), event.options())) {
            subscriber.send(event(subscription, event.publicationId(), event.topic(), event.publisher(),
                    event.disclose(), true, event.payload()));
        }
    }

    private static Event event(Subscription subscription, long publicationId, String topic, Peer publisher,
                               boolean disclose, boolean retained, Payload payload) {
        EventDetails details = !disclose && !retained && subscription.pattern().match() == Match.EXACT
                ? EventDetails.DEFAULT
                : new EventDetails(
                        disclose ? publisher.sessionId() : null,
                        disclose ? publisher.authid() : null,
                        disclose ? publisher.authrole() : null,
                        subscription.pattern().match() == Match.EXACT ? null : topic,
                        retained,
                        Map.of());
        return new Event(subscription.id(), publicationId, details, payload);
    }

    private long nextSubscriptionId() {
        long id;
        do {
            id = subscriptionIds.next();
        } while (byId.containsKey(id));
        return id;
    }

    // --- queries for the subscription meta API ---

    /** The subscription of exactly this pattern ({@code wamp.subscription.lookup}). */
    public @Nullable Subscription lookup(UriPattern pattern) {
        return subscriptions.get(pattern);
    }

    /** Every subscription an event on {@code topic} would reach ({@code wamp.subscription.match}). */
    public List<Subscription> match(String topic) {
        return subscriptions.matchAll(topic);
    }

    public @Nullable Subscription get(long subscriptionId) {
        return byId.get(subscriptionId);
    }

    public Collection<Subscription> all() {
        return Collections.unmodifiableCollection(byId.values());
    }
}
