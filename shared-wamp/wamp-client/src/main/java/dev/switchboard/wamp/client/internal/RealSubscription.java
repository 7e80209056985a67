package dev.switchboard.wamp.client.internal;

import dev.switchboard.wamp.client.EventHandler;
import dev.switchboard.wamp.client.IncomingEvent;
import dev.switchboard.wamp.client.Subscription;
import dev.switchboard.wamp.client.WampException;
import dev.switchboard.wamp.message.Event;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.SubscribeOptions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * A subscription the client holds across sessions. Its events reach the handler one at a time, in order, through a
 * bounded queue on the handler executor; when the queue is full, events are dropped and the drops are logged.
 */
final class RealSubscription implements Subscription {

    private static final Log log = LogFactory.getLog(RealSubscription.class);

    private final RealWampClient client;
    private final String topic;
    private final SubscribeOptions options;
    private final EventHandler handler;
    private final SerialExecutor delivery;
    private final AtomicLong dropped = new AtomicLong();
    private volatile long id;
    private volatile boolean active = true;
    private volatile @Nullable Session session;

    RealSubscription(RealWampClient client, String topic, SubscribeOptions options, EventHandler handler,
                     SerialExecutor delivery) {
        this.client = client;
        this.topic = topic;
        this.options = options;
        this.handler = handler;
        this.delivery = delivery;
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public SubscribeOptions options() {
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
    public boolean isSubscribed() {
        Session bound = session;
        return active && bound != null && bound.isEstablished();
    }

    @Override
    public CompletableFuture<Void> unsubscribe() {
        return client.unsubscribe(this);
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

    /** On the transport's thread: queues the event for the handler. */
    void deliver(Event event) {
        if (!active) {
            return;
        }
        Payload.Arguments arguments;
        try {
            arguments = Messages.arguments(event.payload());
        } catch (WampException unreadable) {
            log.warn("Dropped an event of " + topic + ": " + unreadable.getMessage());
            return;
        }
        String concrete = event.details().topic() != null ? event.details().topic() : topic;
        IncomingEvent incoming = new IncomingEvent(concrete, event.publicationId(), event.details(), arguments);
        if (!delivery.offer(() -> handle(incoming))) {
            long drops = dropped.incrementAndGet();
            if (drops == 1 || drops % 1000 == 0) {
                log.warn("The handler of " + topic + " is too slow: " + drops + " events dropped so far");
            }
        }
    }

    private void handle(IncomingEvent event) {
        if (!active) {
            return;
        }
        try {
            handler.onEvent(event);
        } catch (Throwable failure) {
            log.warn("The event handler of " + topic + " failed on publication " + event.publicationId(), failure);
        }
    }

    @Override
    public String toString() {
        return "Subscription[" + topic + ", id " + id + (active ? "" : ", inactive") + "]";
    }
}
