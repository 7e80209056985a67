package dev.switchboard.router.broker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.router.routing.RecordingPeer;
import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.Match;
import dev.switchboard.wamp.message.Error;
import dev.switchboard.wamp.message.Event;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.Publish;
import dev.switchboard.wamp.message.PublishOptions;
import dev.switchboard.wamp.message.Published;
import dev.switchboard.wamp.message.Subscribe;
import dev.switchboard.wamp.message.SubscribeOptions;
import dev.switchboard.wamp.message.Subscribed;
import dev.switchboard.wamp.message.Unsubscribe;
import dev.switchboard.wamp.message.Unsubscribed;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class BrokerTests {

    private final List<String> lifecycle = new ArrayList<>();
    private final Broker broker = new Broker(new SubscriptionListener() {
        @Override
        public void onCreate(long sessionId, Subscription subscription) {
            lifecycle.add("create " + subscription.pattern().uri());
        }

        @Override
        public void onSubscribe(long sessionId, Subscription subscription) {
            lifecycle.add("subscribe " + subscription.pattern().uri());
        }

        @Override
        public void onUnsubscribe(long sessionId, Subscription subscription) {
            lifecycle.add("unsubscribe " + subscription.pattern().uri());
        }

        @Override
        public void onDelete(long sessionId, Subscription subscription) {
            lifecycle.add("delete " + subscription.pattern().uri());
        }
    }, Clock.systemUTC());
    private long requests;

    private long subscribe(RecordingPeer peer, String topic, Match match, boolean getRetained) {
        broker.subscribe(peer.peer(), new Subscribe(++requests, new SubscribeOptions(match, getRetained, Map.of()),
                topic));
        return peer.take(Subscribed.class).subscriptionId();
    }

    private long subscribe(RecordingPeer peer, String topic) {
        return subscribe(peer, topic, Match.EXACT, false);
    }

    private void publish(RecordingPeer publisher, String topic, PublishOptions options, Payload payload) {
        broker.publish(publisher.peer(), new Publish(++requests, options, topic, payload), options.discloseMe());
    }

    private static PublishOptions options(boolean excludeMe, List<Long> exclude, List<String> excludeAuthid,
                                          List<String> excludeAuthrole, @Nullable List<Long> eligible,
                                          @Nullable List<String> eligibleAuthid,
                                          @Nullable List<String> eligibleAuthrole) {
        return new PublishOptions(false, excludeMe, exclude, excludeAuthid, excludeAuthrole, eligible,
                eligibleAuthid, eligibleAuthrole, false, false, Map.of());
    }

    @Test
    void anEventReachesEverySubscriberWithThePayloadUntouched() {
        RecordingPeer a = RecordingPeer.client("a");
        RecordingPeer b = RecordingPeer.client("b");
        long subscription = subscribe(a, "com.example.t");
        assertThat(subscribe(b, "com.example.t")).isEqualTo(subscription);
        Payload payload = Payload.of(List.of(1L, "two"), Map.of("three", 3.0));
        publish(RecordingPeer.client("p"), "com.example.t", PublishOptions.DEFAULT, payload);
        for (RecordingPeer subscriber : List.of(a, b)) {
            Event event = subscriber.take(Event.class);
            assertThat(event.subscriptionId()).isEqualTo(subscription);
            assertThat(event.payload()).isEqualTo(payload);
            assertThat(event.details().publisher()).isNull();
            assertThat(event.details().topic()).isNull();
        }
    }

    @Test
    void acknowledgedPublicationsAreAnsweredWithTheEventsPublicationId() {
        RecordingPeer subscriber = RecordingPeer.client("s");
        subscribe(subscriber, "com.example.t");
        RecordingPeer publisher = RecordingPeer.client("p");
        publish(publisher, "com.example.t", new PublishOptions(true, true, List.of(), List.of(), List.of(), null,
                null, null, false, false, Map.of()), Payload.EMPTY);
        assertThat(publisher.take(Published.class).publicationId())
                .isEqualTo(subscriber.take(Event.class).publicationId());
    }

    @Test
    void thePublisherIsExcludedUnlessItAsksNotToBe() {
        RecordingPeer self = RecordingPeer.client("self");
        subscribe(self, "com.example.t");
        publish(self, "com.example.t", PublishOptions.DEFAULT, Payload.EMPTY);
        self.assertNothingMore();
        publish(self, "com.example.t", options(false, List.of(), List.of(), List.of(), null, null, null),
                Payload.EMPTY);
        self.take(Event.class);
    }

    @Test
    void blacklistsBySessionAuthidAndAuthroleKeepSubscribersOut() {
        RecordingPeer bySession = RecordingPeer.withRole("x", "user");
        RecordingPeer byAuthid = RecordingPeer.withRole("bob", "user");
        RecordingPeer byRole = RecordingPeer.withRole("y", "guest");
        RecordingPeer receiver = RecordingPeer.withRole("z", "user");
        List.of(bySession, byAuthid, byRole, receiver).forEach(p -> subscribe(p, "com.example.t"));
        publish(RecordingPeer.client("p"), "com.example.t", options(true, List.of(bySession.sessionId()),
                List.of("bob"), List.of("guest"), null, null, null), Payload.EMPTY);
        bySession.assertNothingMore();
        byAuthid.assertNothingMore();
        byRole.assertNothingMore();
        receiver.take(Event.class);
    }

    @Test
    void whitelistsAdmitOnlyTheNamedSubscribers() {
        RecordingPeer alice = RecordingPeer.withRole("alice", "admin");
        RecordingPeer bob = RecordingPeer.withRole("bob", "user");
        RecordingPeer carol = RecordingPeer.withRole("carol", "admin");
        List.of(alice, bob, carol).forEach(p -> subscribe(p, "com.example.t"));
        publish(RecordingPeer.client("p"), "com.example.t",
                options(true, List.of(), List.of(), List.of(), null, List.of("alice", "carol"), List.of("admin")),
                Payload.EMPTY);
        alice.take(Event.class);
        carol.take(Event.class);
        bob.assertNothingMore();
        publish(RecordingPeer.client("p"), "com.example.t",
                options(true, List.of(), List.of(), List.of(), List.of(), null, null), Payload.EMPTY);
        alice.assertNothingMore();
    }

    @Test
    void discloseMeTellsSubscribersWhoPublished() {
        RecordingPeer subscriber = RecordingPeer.client("s");
        subscribe(subscriber, "com.example.t");
        RecordingPeer publisher = RecordingPeer.withRole("pub", "service");
        publish(publisher, "com.example.t", new PublishOptions(false, true, List.of(), List.of(), List.of(), null,
                null, null, true, false, Map.of()), Payload.EMPTY);
        Event event = subscriber.take(Event.class);
        assertThat(event.details().publisher()).isEqualTo(publisher.sessionId());
        assertThat(event.details().publisherAuthid()).isEqualTo("pub");
        assertThat(event.details().publisherAuthrole()).isEqualTo("service");
    }

    @Test
    void oneEventPerMatchingSubscriptionAndPatternEventsNameTheTopic() {
        RecordingPeer subscriber = RecordingPeer.client("s");
        long exact = subscribe(subscriber, "com.example.a.b");
        long prefix = subscribe(subscriber, "com.example", Match.PREFIX, false);
        long wildcard = subscribe(subscriber, "com..a.b", Match.WILDCARD, false);
        subscribe(subscriber, "org", Match.PREFIX, false);
        publish(RecordingPeer.client("p"), "com.example.a.b", PublishOptions.DEFAULT, Payload.EMPTY);
        List<Event> events = List.of(subscriber.take(Event.class), subscriber.take(Event.class),
                subscriber.take(Event.class));
        subscriber.assertNothingMore();
        assertThat(events).extracting(Event::subscriptionId).containsExactlyInAnyOrder(exact, prefix, wildcard);
        assertThat(events).filteredOn(e -> e.subscriptionId() != exact)
                .allSatisfy(e -> assertThat(e.details().topic()).isEqualTo("com.example.a.b"));
        assertThat(events).extracting(Event::publicationId).containsOnly(events.getFirst().publicationId());
    }

    @Test
    void aRetainedEventIsDeliveredToLaterSubscribersThatAskForIt() {
        RecordingPeer publisher = RecordingPeer.client("p");
        publish(publisher, "com.example.state", new PublishOptions(false, true, List.of(), List.of(), List.of(),
                null, null, null, false, true, Map.of()), Payload.of("v1"));
        publish(publisher, "com.example.state", new PublishOptions(false, true, List.of(), List.of(), List.of(),
                null, null, null, false, true, Map.of()), Payload.of("v2"));
        RecordingPeer late = RecordingPeer.client("late");
        subscribe(late, "com.example.state", Match.EXACT, true);
        Event event = late.take(Event.class);
        assertThat(event.payload()).isEqualTo(Payload.of("v2"));
        assertThat(event.details().retained()).isTrue();

        RecordingPeer byPattern = RecordingPeer.client("pattern");
        subscribe(byPattern, "com.example", Match.PREFIX, true);
        assertThat(byPattern.take(Event.class).details().topic()).isEqualTo("com.example.state");

        RecordingPeer notAsking = RecordingPeer.client("no");
        subscribe(notAsking, "com.example.state");
        notAsking.assertNothingMore();
    }

    @Test
    void unsubscribingEndsDeliveryAndTheLastSubscriberDeletesTheSubscription() {
        RecordingPeer subscriber = RecordingPeer.client("s");
        long id = subscribe(subscriber, "com.example.t");
        broker.unsubscribe(subscriber.peer(), new Unsubscribe(77, id));
        assertThat(subscriber.take(Unsubscribed.class).requestId()).isEqualTo(77);
        publish(RecordingPeer.client("p"), "com.example.t", PublishOptions.DEFAULT, Payload.EMPTY);
        subscriber.assertNothingMore();
        assertThat(broker.get(id)).isNull();
        assertThat(lifecycle).containsExactly("create com.example.t", "subscribe com.example.t",
                "unsubscribe com.example.t", "delete com.example.t");
    }

    @Test
    void unsubscribingFromSomethingNotSubscribedFails() {
        RecordingPeer subscriber = RecordingPeer.client("s");
        long id = subscribe(RecordingPeer.client("other"), "com.example.t");
        broker.unsubscribe(subscriber.peer(), new Unsubscribe(78, id));
        Error error = subscriber.take(Error.class);
        assertThat(error.error()).isEqualTo(ErrorUris.NO_SUCH_SUBSCRIPTION);
        assertThat(error.requestType()).isEqualTo(Unsubscribe.TYPE);
    }

    @Test
    void aSessionThatLeavesLeavesAllItsSubscriptions() {
        RecordingPeer subscriber = RecordingPeer.client("s");
        long a = subscribe(subscriber, "com.example.a");
        long b = subscribe(subscriber, "com.example", Match.PREFIX, false);
        broker.leave(subscriber.sessionId());
        assertThat(broker.get(a)).isNull();
        assertThat(broker.get(b)).isNull();
        publish(RecordingPeer.client("p"), "com.example.a", PublishOptions.DEFAULT, Payload.EMPTY);
        subscriber.assertNothingMore();
    }
}
