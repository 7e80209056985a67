package dev.switchboard.router.broker;

import dev.switchboard.router.routing.Peer;
import dev.switchboard.wamp.matching.UriPattern;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One topic or topic pattern with the sessions subscribed to it; it exists while it has subscribers. Mutated only
 * on the routing loop.
 */
public final class Subscription {

    private final long id;
    private final UriPattern pattern;
    private final Instant created;
    private final Map<Long, Peer> subscribers = new LinkedHashMap<>();

    Subscription(long id, UriPattern pattern, Instant created) {
        this.id = id;
        this.pattern = pattern;
        this.created = created;
    }

    public long id() {
        return id;
    }

    public UriPattern pattern() {
        return pattern;
    }

    public Instant created() {
        return created;
    }

    /** The subscribed sessions, in the order they subscribed. */
    public Collection<Peer> subscribers() {
        return Collections.unmodifiableCollection(subscribers.values());
    }

    boolean add(Peer peer) {
        return subscribers.putIfAbsent(peer.sessionId(), peer) == null;
    }

    boolean remove(long sessionId) {
        return subscribers.remove(sessionId) != null;
    }

    boolean has(long sessionId) {
        return subscribers.containsKey(sessionId);
    }

    boolean isEmpty() {
        return subscribers.isEmpty();
    }
}
