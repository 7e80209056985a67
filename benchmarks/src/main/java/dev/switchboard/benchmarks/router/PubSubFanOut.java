package dev.switchboard.benchmarks.router;

import dev.switchboard.wamp.message.Error;
import dev.switchboard.wamp.message.Event;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.Publish;
import dev.switchboard.wamp.message.PublishOptions;
import dev.switchboard.wamp.message.Subscribe;
import dev.switchboard.wamp.message.SubscribeOptions;
import dev.switchboard.wamp.message.Subscribed;
import dev.switchboard.wamp.message.WampMessage;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * Events delivered per second from one publisher to {@code subscribers} subscribers of one topic. Each publication
 * carries its sequence number; each subscriber checks that they arrive in order and without gaps. The publisher keeps
 * at most {@code window} publications ahead of the slowest subscriber (end-to-end flow control, so the router's
 * bounded outbound queues never overflow while the subscribers keep reading); at the end it stops, the subscribers
 * drain, and the loss, events expected ({@code published × subscribers}) minus events received, must be 0.
 */
final class PubSubFanOut {

    private PubSubFanOut() {
    }

    static void run(LoadContext context) throws InterruptedException {
        int count = context.options().subscribers();
        String topic = LoadContext.freshUri("bench.pubsub");
        double overflows = context.overflows();

        List<Subscriber> subscribers = IntStream.range(0, count).mapToObj(i -> new Subscriber()).toList();
        List<ClientSession> subscriberSessions = subscribers.stream().map(context::open).toList();
        for (ClientSession session : subscriberSessions) {
            WampMessage reply = session.request(id -> new Subscribe(id, SubscribeOptions.DEFAULT, topic)).join();
            if (!(reply instanceof Subscribed)) {
                throw new IllegalStateException("cannot subscribe to " + topic + ": " + reply);
            }
        }
        Publisher publisher = new Publisher(topic, subscribers, context.options().window());
        ClientSession publisherSession = context.open(publisher);
        publisher.session = publisherSession;
        subscribers.forEach(s -> s.publisher = publisher);
        publisher.poke();

        Thread.sleep(context.warmupMillis());
        Window window = Window.measure(context.router(),
                () -> subscribers.stream().mapToLong(s -> s.received).sum(), context.durationMillis());
        publisher.running = false;
        publisher.poke(); // a refill that sees running == false: `published` is final from here on
        LoadContext.await(() -> !publisher.poked.get(), 2_000);
        long published = publisher.published;
        boolean drained = LoadContext.await(() -> subscribers.stream().allMatch(s -> s.received == published), 10_000);
        long received = subscribers.stream().mapToLong(s -> s.received).sum();
        long outOfOrder = subscribers.stream().mapToLong(s -> s.outOfOrder).sum();
        long closed = subscriberSessions.stream().filter(ClientSession::isClosed).count();
        LoadContext.closeAll(subscriberSessions);
        LoadContext.closeAll(List.of(publisherSession));

        System.out.printf(Locale.ROOT, "PubSub, 1 publisher → %d subscribers, at most %d publications ahead "
                + "(warm-up %.1f s, measured %.1f s)%n", count, context.options().window(),
                context.warmupMillis() / 1e3, window.seconds());
        System.out.printf(Locale.ROOT, "  events/s          %,.0f delivered (%,.0f publications/s)%n",
                window.perSecond(), window.perSecond() / count);
        System.out.printf(Locale.ROOT, "  loss              %d of %,d events (published %,d × %d)%s; out of order %d; "
                        + "subscribers disconnected %d; publish errors %d%s%n",
                published * count - received, published * count, published, count, drained ? "" : " NOT DRAINED",
                outOfOrder, closed, publisher.errors, context.overflowsSince(overflows));
        System.out.print(window.describe("event"));
        System.out.println();
        context.goals().record(Goals.Goal.EVENT_CPU, "pubsub 1→" + count,
                received == published * count ? window.routerMicrosPerOperation() : Double.NaN);
    }

    /** Counts events and checks their sequence numbers; wakes the publisher after each read batch. */
    private static final class Subscriber implements ClientSession.Handler {

        /** Written on the session's event loop only. */
        volatile long received;
        volatile long outOfOrder;
        private long expected = 1; // event loop
        volatile @Nullable Publisher publisher;

        @Override
        public void onMessage(ClientSession session, WampMessage message) {
            if (message instanceof Event event && event.payload() instanceof Payload.Arguments arguments) {
                long sequence = ((Number) arguments.args().getFirst()).longValue();
                if (sequence != expected) {
                    outOfOrder++;
                }
                expected = sequence + 1;
                received++;
            }
        }

        @Override
        public void onReadComplete(ClientSession session) {
            Publisher target = publisher;
            if (target != null) {
                target.poke();
            }
        }
    }

    /** Publishes while fewer than {@code window} publications are ahead of the slowest subscriber. */
    private static final class Publisher implements ClientSession.Handler {

        private final String topic;
        private final List<Subscriber> subscribers;
        private final int window;
        final AtomicBoolean poked = new AtomicBoolean();
        volatile ClientSession session;
        volatile boolean running = true;
        /** Written on the session's event loop only. */
        volatile long published;
        volatile long errors;

        Publisher(String topic, List<Subscriber> subscribers, int window) {
            this.topic = topic;
            this.subscribers = subscribers;
            this.window = window;
        }

        /** Makes sure a refill runs on the publisher's event loop after this call. Any thread. */
        void poke() {
            if (poked.compareAndSet(false, true)) {
                session.execute(this::refill);
            }
        }

        private void refill() {
            poked.set(false);
            if (!running) {
                return;
            }
            long slowest = Long.MAX_VALUE;
            for (Subscriber subscriber : subscribers) {
                slowest = Math.min(slowest, subscriber.received);
            }
            long sequence = published;
            while (sequence - slowest < window) {
                sequence++;
                session.write(new Publish(sequence, PublishOptions.DEFAULT, topic, Payload.of(sequence)));
            }
            if (sequence != published) {
                published = sequence;
                session.flush();
            }
        }

        @Override
        public void onMessage(ClientSession session, WampMessage message) {
            if (message instanceof Error) {
                errors++;
            }
        }
    }
}
