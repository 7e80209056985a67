package dev.switchboard.wamp.client.internal;

import dev.switchboard.wamp.message.Event;
import dev.switchboard.wamp.message.Unsubscribed;
import dev.switchboard.wamp.message.Values;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The subscriber's side of one session: subscriptions by the broker's id. Several handles may share one id (the
 * broker answers a second SUBSCRIBE to the same topic and options with the same subscription), and each receives
 * every event; UNSUBSCRIBE goes out when the last of them ends.
 */
final class Subscriber {

    private static final Log log = LogFactory.getLog(Subscriber.class);

    private final Session session;
    private final Map<Long, List<RealSubscription>> byId = new ConcurrentHashMap<>();

    Subscriber(Session session) {
        this.session = session;
    }

    /** On the transport's thread, before any EVENT of the subscription can be read. */
    void bind(long subscriptionId, RealSubscription subscription) {
        byId.computeIfAbsent(subscriptionId, id -> new CopyOnWriteArrayList<>()).add(subscription);
        subscription.bound(session, subscriptionId);
    }

    /** Removes the handle; true when it was the last of its subscription id, which must then be unsubscribed. */
    boolean unbind(RealSubscription subscription) {
        boolean[] last = {false};
        byId.computeIfPresent(subscription.id(), (id, handles) -> {
            if (!handles.remove(subscription)) {
                return handles;
            }
            last[0] = handles.isEmpty();
            return last[0] ? null : handles;
        });
        return last[0];
    }

    void event(Event event) {
        List<RealSubscription> handles = byId.get(event.subscriptionId());
        if (handles == null) {
            log.debug("Dropped an event of unknown subscription " + event.subscriptionId());
            return;
        }
        for (RealSubscription handle : handles) {
            handle.deliver(event);
        }
    }

    /** UNSUBSCRIBED with request id 0: the broker ended a subscription (advanced profile, subscription revocation). */
    void revoked(Unsubscribed revocation, SessionListener listener) {
        Long id = Values.integral(revocation.details().get("subscription"));
        List<RealSubscription> handles = id == null ? null : byId.remove(id);
        if (handles != null) {
            for (RealSubscription handle : handles) {
                log.info("The router revoked " + handle + ": " + revocation.details().get("reason"));
                listener.revoked(handle);
            }
        }
    }
}
