package dev.switchboard.wamp.client;

import static dev.switchboard.wamp.client.Clients.await;
import static dev.switchboard.wamp.client.Clients.eventually;
import static dev.switchboard.wamp.client.Clients.wampFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.Match;
import dev.switchboard.wamp.client.router.RouterProcess;
import dev.switchboard.wamp.client.router.SharedRouter;
import dev.switchboard.wamp.codec.Serialization;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.PublishOptions;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Publisher and subscriber against the real router, over WebSocket with each serializer. */
@ParameterizedClass(name = "over {0}")
@EnumSource(Serialization.class)
@ExtendWith(SharedRouter.class)
class PubSubIT {

    /** How long a test waits to be sure an event does not come. */
    private static final long QUIET_MILLIS = 300;

    @Parameter
    Serialization serialization;

    private Clients clients;

    @BeforeEach
    void openClients(RouterProcess router, TestInfo test) {
        clients = new Clients(router, serialization, test.getTestMethod().orElseThrow().getName());
    }

    @AfterEach
    void closeClients() {
        clients.close();
    }

    /** A subscriber's events, in arrival order. */
    private static final class Inbox implements EventHandler {
        final BlockingQueue<IncomingEvent> events = new LinkedBlockingQueue<>();

        @Override
        public void onEvent(IncomingEvent event) {
            events.add(event);
        }

        IncomingEvent next() throws InterruptedException {
            IncomingEvent event = events.poll(Clients.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(event).as("an event within " + Clients.TIMEOUT).isNotNull();
            return event;
        }

        @Nullable IncomingEvent nextOrNone() throws InterruptedException {
            return events.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private Inbox subscribe(WampClient client, String topic) {
        Inbox inbox = new Inbox();
        await(client.subscribe(topic, inbox));
        return inbox;
    }

    /** Publishes with acknowledgement, so that every event of it has been sent when this returns. */
    private static long publish(WampClient client, String topic, Payload.Arguments arguments,
                                WampOptions.PublishBuilder options) {
        return await(client.publish(topic, arguments, options.acknowledge().build())).orElseThrow();
    }

    @Test
    void publicationReachesEverySubscriberWithItsArgsAndKwargs() throws InterruptedException {
        String topic = clients.uri("news");
        Inbox first = subscribe(clients.connect(), topic);
        Inbox second = subscribe(clients.connect(), topic);

        await(clients.connect().publish(topic, Payload.of(List.of("hello", 7L), Map.of("lang", "en"))));

        for (Inbox inbox : List.of(first, second)) {
            IncomingEvent event = inbox.next();
            assertThat(event.topic()).isEqualTo(topic);
            assertThat(event.args()).containsExactly("hello", 7L);
            assertThat(event.kwargs()).containsExactly(Map.entry("lang", "en"));
        }
    }

    @Test
    void acknowledgedPublicationCompletesWithItsPublicationId() throws InterruptedException {
        String topic = clients.uri("acknowledged");
        Inbox inbox = subscribe(clients.connect(), topic);

        OptionalLong publication = await(clients.connect().publish(topic, Payload.of(1L),
                WampOptions.publish().acknowledge().build()));

        assertThat(publication).isPresent();
        assertThat(inbox.next().publicationId()).isEqualTo(publication.getAsLong());
    }

    @Test
    void unacknowledgedPublicationCompletesEmptyOnceSent() {
        assertThat(await(clients.connect().publish(clients.uri("fire_and_forget"), Payload.EMPTY))).isEmpty();
    }

    @Test
    void acknowledgedPublicationToAReservedTopicFailsWithInvalidUri() {
        assertThat(wampFailure(clients.connect().publish("wamp.session.on_join", Payload.EMPTY,
                WampOptions.publish().acknowledge().build())).error()).isEqualTo(ErrorUris.INVALID_URI);
    }

    @Test
    void publisherIsLeftOutUnlessExcludeMeIsFalse() throws InterruptedException {
        WampClient client = clients.connect();
        String topic = clients.uri("echo");
        Inbox inbox = subscribe(client, topic);

        publish(client, topic, Payload.of("excluded"), WampOptions.publish());
        publish(client, topic, Payload.of("included"), WampOptions.publish().excludeMe(false));

        assertThat(inbox.next().arg(0)).isEqualTo("included");
        assertThat(inbox.nextOrNone()).isNull();
    }

    @Test
    void excludeAndEligibleChooseSubscribersBySession() throws InterruptedException {
        String topic = clients.uri("selective");
        WampClient a = clients.connect();
        WampClient b = clients.connect();
        WampClient c = clients.connect();
        Inbox inboxA = subscribe(a, topic);
        Inbox inboxB = subscribe(b, topic);
        Inbox inboxC = subscribe(c, topic);
        WampClient publisher = clients.connect();

        publish(publisher, topic, Payload.of("not b"),
                WampOptions.publish().exclude(List.of(b.session().sessionId())));
        publish(publisher, topic, Payload.of("only c"),
                WampOptions.publish().eligible(List.of(c.session().sessionId())));

        assertThat(inboxA.next().arg(0)).isEqualTo("not b");
        assertThat(inboxC.next().arg(0)).isEqualTo("not b");
        assertThat(inboxC.next().arg(0)).isEqualTo("only c");
        assertThat(inboxA.nextOrNone()).isNull();
        assertThat(inboxB.nextOrNone()).isNull();
    }

    @Test
    void excludeAuthidAndEligibleAuthroleChooseSubscribersByIdentity() throws InterruptedException {
        String topic = clients.uri("by_identity");
        Inbox alice = subscribe(clients.connect(builder -> builder.authid("alice")), topic);
        Inbox bob = subscribe(clients.connect(builder -> builder.authid("bob")), topic);
        WampClient publisher = clients.connect();

        publish(publisher, topic, Payload.of("not alice"), WampOptions.publish().excludeAuthid(List.of("alice")));
        publish(publisher, topic, Payload.of("only bob"), WampOptions.publish().eligibleAuthid(List.of("bob")));
        publish(publisher, topic, Payload.of("no role"), WampOptions.publish().eligibleAuthrole(List.of("admin")));
        publish(publisher, topic, Payload.of("not anonymous"),
                WampOptions.publish().excludeAuthrole(List.of("anonymous")));
        publish(publisher, topic, Payload.of("everyone"), WampOptions.publish());

        assertThat(bob.next().arg(0)).isEqualTo("not alice");
        assertThat(bob.next().arg(0)).isEqualTo("only bob");
        assertThat(bob.next().arg(0)).isEqualTo("everyone");
        assertThat(alice.next().arg(0)).isEqualTo("everyone");
        assertThat(alice.nextOrNone()).isNull();
        assertThat(bob.nextOrNone()).isNull();
    }

    @Test
    void discloseMeTellsSubscribersWhoPublished() throws InterruptedException {
        String topic = clients.uri("signed");
        Inbox inbox = subscribe(clients.connect(), topic);
        WampClient publisher = clients.connect(builder -> builder.authid("dave"));

        publish(publisher, topic, Payload.EMPTY, WampOptions.publish().discloseMe());
        publish(publisher, topic, Payload.EMPTY, WampOptions.publish());

        IncomingEvent disclosed = inbox.next();
        assertThat(disclosed.details().publisher()).isEqualTo(publisher.session().sessionId());
        assertThat(disclosed.details().publisherAuthid()).isEqualTo("dave");
        assertThat(inbox.next().details().publisher()).isNull();
    }

    @Test
    void prefixSubscriptionReceivesEventsUnderItWithTheConcreteTopic() throws InterruptedException {
        Inbox inbox = new Inbox();
        await(clients.connect().subscribe(clients.uri("sensors"),
                WampOptions.subscribe().match(Match.PREFIX).build(), inbox));

        await(clients.connect().publish(clients.uri("sensors.kitchen.temperature"), Payload.of(21.5)));

        IncomingEvent event = inbox.next();
        assertThat(event.topic()).isEqualTo(clients.uri("sensors.kitchen.temperature"));
        assertThat(event.arg(0)).isEqualTo(21.5);
    }

    @Test
    void wildcardSubscriptionReceivesMatchingEventsWithTheConcreteTopic() throws InterruptedException {
        Inbox inbox = new Inbox();
        await(clients.connect().subscribe(clients.uri("rooms..light"),
                WampOptions.subscribe().match(Match.WILDCARD).build(), inbox));
        WampClient publisher = clients.connect();

        publish(publisher, clients.uri("rooms.hall.door"), Payload.EMPTY, WampOptions.publish());
        publish(publisher, clients.uri("rooms.hall.light"), Payload.EMPTY, WampOptions.publish());

        assertThat(inbox.next().topic()).isEqualTo(clients.uri("rooms.hall.light"));
        assertThat(inbox.nextOrNone()).isNull();
    }

    @Test
    void retainedEventReachesALaterSubscriberThatAsksForIt() throws InterruptedException {
        String topic = clients.uri("state");
        publish(clients.connect(), topic, Payload.of("last known"), WampOptions.publish().retain());
        Inbox asking = new Inbox();
        Inbox notAsking = new Inbox();

        await(clients.connect().subscribe(topic, WampOptions.subscribe().getRetained().build(), asking));
        await(clients.connect().subscribe(topic, notAsking));

        IncomingEvent retained = asking.next();
        assertThat(retained.arg(0)).isEqualTo("last known");
        assertThat(retained.details().retained()).isTrue();
        assertThat(notAsking.nextOrNone()).isNull();
    }

    @Test
    void unsubscribeStopsTheEvents() throws InterruptedException {
        String topic = clients.uri("brief");
        Inbox inbox = new Inbox();
        Subscription subscription = await(clients.connect().subscribe(topic, inbox));
        WampClient publisher = clients.connect();
        publish(publisher, topic, Payload.of("before"), WampOptions.publish());
        assertThat(inbox.next().arg(0)).isEqualTo("before");

        await(subscription.unsubscribe());
        publish(publisher, topic, Payload.of("after"), WampOptions.publish());

        assertThat(subscription.isActive()).isFalse();
        assertThat(inbox.nextOrNone()).isNull();
    }

    @Test
    void twoSubscriptionsOfOneClientToOneTopicEachGetTheEventsUntilEachEnds() throws InterruptedException {
        String topic = clients.uri("twice");
        WampClient subscriber = clients.connect();
        Inbox first = new Inbox();
        Inbox second = new Inbox();
        Subscription firstSubscription = await(subscriber.subscribe(topic, first));
        await(subscriber.subscribe(topic, second));
        WampClient publisher = clients.connect();

        publish(publisher, topic, Payload.of(1L), WampOptions.publish());
        assertThat(first.next().arg(0)).isEqualTo(1L);
        assertThat(second.next().arg(0)).isEqualTo(1L);
        await(firstSubscription.unsubscribe());
        publish(publisher, topic, Payload.of(2L), WampOptions.publish());

        assertThat(second.next().arg(0)).isEqualTo(2L);
        assertThat(first.nextOrNone()).isNull();
    }

    @Test
    void eventsReachTheHandlerInPublicationOrder() throws InterruptedException {
        String topic = clients.uri("sequence");
        Inbox inbox = subscribe(clients.connect(), topic);
        WampClient publisher = clients.connect();

        for (long i = 0; i < 200; i++) {
            publisher.publish(topic, Payload.of(i));
        }

        for (long i = 0; i < 200; i++) {
            assertThat(inbox.next().arg(0)).isEqualTo(i);
        }
    }

    @Test
    void slowEventHandlerHoldsUpNeitherCallsNorOtherSubscriptions() throws InterruptedException {
        WampClient client = clients.connect();
        CountDownLatch release = new CountDownLatch(1);
        await(client.subscribe(clients.uri("slow"), event -> release.await()));
        Inbox fast = subscribe(client, clients.uri("fast"));
        await(client.register(clients.uri("ping"), invocation -> Payload.of("pong")));
        WampClient other = clients.connect();

        publish(other, clients.uri("slow"), Payload.EMPTY, WampOptions.publish());
        publish(other, clients.uri("fast"), Payload.of("quick"), WampOptions.publish());

        assertThat(fast.next().arg(0)).isEqualTo("quick");
        assertThat(await(other.call(clients.uri("ping"), Payload.EMPTY)).arg(0)).isEqualTo("pong");
        release.countDown();
    }

    @Test
    void failingEventHandlerStillGetsTheNextEvent() throws InterruptedException {
        String topic = clients.uri("fragile");
        BlockingQueue<Object> seen = new LinkedBlockingQueue<>();
        await(clients.connect().subscribe(topic, event -> {
            seen.add(event.arg(0));
            throw new IllegalStateException("handler bug");
        }));
        WampClient publisher = clients.connect();

        publish(publisher, topic, Payload.of(1L), WampOptions.publish());
        publish(publisher, topic, Payload.of(2L), WampOptions.publish());

        eventually(() -> seen.size() == 2);
        assertThat(seen).containsExactly(1L, 2L);
    }

    @Test
    void publishOptionsOfTheProtocolLibraryAreTakenAsTheyAre() throws InterruptedException {
        String topic = clients.uri("raw_options");
        Inbox inbox = subscribe(clients.connect(), topic);
        PublishOptions options = new PublishOptions(true, true, List.of(), List.of(), List.of(), null, null, null,
                false, false, Map.of());

        assertThat(await(clients.connect().publish(topic, Payload.of("x"), options))).isPresent();
        assertThat(inbox.next().arg(0)).isEqualTo("x");
    }
}
