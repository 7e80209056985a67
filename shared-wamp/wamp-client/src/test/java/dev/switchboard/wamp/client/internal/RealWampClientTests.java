package dev.switchboard.wamp.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.client.CallFuture;
import dev.switchboard.wamp.client.CallObserver;
import dev.switchboard.wamp.client.ConnectionState;
import dev.switchboard.wamp.client.IncomingEvent;
import dev.switchboard.wamp.client.NotConnectedException;
import dev.switchboard.wamp.client.ReconnectPolicy;
import dev.switchboard.wamp.client.Registration;
import dev.switchboard.wamp.client.Subscription;
import dev.switchboard.wamp.client.WampException;
import dev.switchboard.wamp.codec.Serialization;
import dev.switchboard.wamp.message.Call;
import dev.switchboard.wamp.message.CallOptions;
import dev.switchboard.wamp.message.Cancel;
import dev.switchboard.wamp.message.Error;
import dev.switchboard.wamp.message.Event;
import dev.switchboard.wamp.message.EventDetails;
import dev.switchboard.wamp.message.Hello;
import dev.switchboard.wamp.message.Invocation;
import dev.switchboard.wamp.message.InvocationDetails;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.Register;
import dev.switchboard.wamp.message.Registered;
import dev.switchboard.wamp.message.Result;
import dev.switchboard.wamp.message.ResultDetails;
import dev.switchboard.wamp.message.Roles;
import dev.switchboard.wamp.message.Subscribe;
import dev.switchboard.wamp.message.Subscribed;
import dev.switchboard.wamp.message.Unregister;
import dev.switchboard.wamp.message.Welcome;
import dev.switchboard.wamp.message.WelcomeDetails;
import dev.switchboard.wamp.message.Yield;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client across sessions, each driven message by message over a recording transport as a router would drive it:
 * what it makes again after a reconnect, and what its call observers hear.
 */
class RealWampClientTests {

    private static final ReconnectPolicy QUICK =
            new ReconnectPolicy(Duration.ofMillis(10), Duration.ofMillis(50), 2.0, 0.0, Integer.MAX_VALUE);

    private final BlockingQueue<Session> attempts = new LinkedBlockingQueue<>();
    private final BlockingQueue<Observed> observed = new LinkedBlockingQueue<>();
    private final RealWampClient client = new RealWampClient(config((procedure, nanos, failure) ->
            observed.add(new Observed(procedure, nanos, failure))), listener -> attempts.add((Session) listener));

    private record Observed(String procedure, long nanos, @Nullable Throwable failure) {
    }

    private static ClientConfig config(CallObserver observer) {
        return new ClientConfig(URI.create("ws://127.0.0.1:1/ws"), "realm1", Serialization.JSON, null, null,
                List.of(), QUICK, null, null, 1 << 20, Duration.ofSeconds(5), Duration.ofMillis(200), Duration.ZERO,
                Duration.ZERO, Duration.ofSeconds(5), 1 << 20, task -> Thread.ofVirtual().start(task), 100, "test",
                List.of(), List.of(observer));
    }

    @AfterEach
    void disconnect() {
        client.disconnect();
    }

    /** The client's next connection attempt, opened over {@code transport} and welcomed. */
    private Session joined(RecordingTransport transport) throws InterruptedException {
        Session session = attempts.poll(5, TimeUnit.SECONDS);
        assertThat(session).as("a connection attempt within 5 s").isNotNull();
        session.onOpen(transport);
        transport.next(Hello.class);
        session.onMessage(new Welcome(7, new WelcomeDetails(Roles.of(Map.of(Roles.DEALER, Set.of())), "joe",
                "anonymous", "anonymous", "static", Map.of(), "router", Map.of())));
        return session;
    }

    private Session established(RecordingTransport transport) throws Exception {
        CompletableFuture<?> connected = client.connect();
        Session session = joined(transport);
        connected.get(5, TimeUnit.SECONDS);
        return session;
    }

    private Registration registered(Session session, RecordingTransport transport, long registrationId)
            throws Exception {
        CompletableFuture<Registration> registering = client.register("com.example.run",
                invocation -> Payload.of("ran"));
        session.onMessage(new Registered(transport.next(Register.class).requestId(), registrationId));
        return registering.get(5, TimeUnit.SECONDS);
    }

    /** The client's session {@code one} is lost; the next attempt joins over {@code second}. */
    private Session rejoinedAfterABlip(Session one, RecordingTransport second) throws InterruptedException {
        one.onClosed(new NotConnectedException("network blip"));
        return joined(second);
    }

    /** The router refuses the next REGISTER or SUBSCRIBE ({@code requestType}) sent over {@code transport}. */
    private static void refuseNext(Session session, RecordingTransport transport, int requestType, String error)
            throws InterruptedException {
        long requestId = requestType == Register.TYPE ? transport.next(Register.class).requestId()
                : transport.next(Subscribe.class).requestId();
        session.onMessage(refused(requestType, requestId, error));
    }

    private static Error refused(int requestType, long requestId, String error) {
        return new Error(requestType, requestId, Map.of(), error, Payload.of("refused by the test"));
    }

    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within 5 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    // --- restoring after a reconnect ---

    @Test
    void registrationTheDealerRefusesAfterAReconnectIsTriedAgainUntilItIsMade() throws Exception {
        RecordingTransport first = new RecordingTransport();
        Session one = established(first);
        Registration registration = registered(one, first, 100);
        assertThat(registration.isRegistered()).isTrue();

        RecordingTransport second = new RecordingTransport();
        Session two = rejoinedAfterABlip(one, second);
        // the router has not noticed yet that the first session is gone
        refuseNext(two, second, Register.TYPE, ErrorUris.PROCEDURE_ALREADY_EXISTS);

        eventually(() -> client.state() == ConnectionState.ESTABLISHED);
        assertThat(registration.isActive()).isTrue();
        assertThat(registration.isRegistered()).isFalse();
        Register retry = second.next(Register.class);
        assertThat(retry.procedure()).isEqualTo("com.example.run");
        two.onMessage(new Registered(retry.requestId(), 200));
        eventually(registration::isRegistered);
        assertThat(registration.id()).isEqualTo(200);
        two.onMessage(new Invocation(1, 200, InvocationDetails.DEFAULT, Payload.EMPTY));
        assertThat(second.next(Yield.class).requestId()).isEqualTo(1);
    }

    @Test
    void registrationIsTriedAgainAfterEveryRefusal() throws Exception {
        RecordingTransport first = new RecordingTransport();
        Session one = established(first);
        Registration registration = registered(one, first, 100);
        RecordingTransport second = new RecordingTransport();
        Session two = rejoinedAfterABlip(one, second);

        for (int refusal = 0; refusal < 3; refusal++) {
            refuseNext(two, second, Register.TYPE, ErrorUris.PROCEDURE_ALREADY_EXISTS);
        }
        two.onMessage(new Registered(second.next(Register.class).requestId(), 300));

        eventually(registration::isRegistered);
        assertThat(registration.id()).isEqualTo(300);
    }

    @Test
    void endingARegistrationStopsItsRetries() throws Exception {
        RecordingTransport first = new RecordingTransport();
        Session one = established(first);
        Registration registration = registered(one, first, 100);
        RecordingTransport second = new RecordingTransport();
        Session two = rejoinedAfterABlip(one, second);
        refuseNext(two, second, Register.TYPE, ErrorUris.PROCEDURE_ALREADY_EXISTS);
        eventually(() -> client.state() == ConnectionState.ESTABLISHED);

        registration.unregister().get(5, TimeUnit.SECONDS);
        second.drain(); // a retry may have gone out before

        assertThat(registration.isActive()).isFalse();
        second.assertNothingMoreWithin(500); // retries would come every 100 ms or so
    }

    @Test
    void registrationEndedWhileItsRetryIsOutIsUnregisteredOnceTheDealerHasMadeIt() throws Exception {
        RecordingTransport first = new RecordingTransport();
        Session one = established(first);
        Registration registration = registered(one, first, 100);
        RecordingTransport second = new RecordingTransport();
        Session two = rejoinedAfterABlip(one, second);
        refuseNext(two, second, Register.TYPE, ErrorUris.PROCEDURE_ALREADY_EXISTS);
        Register retry = second.next(Register.class);

        registration.unregister().get(5, TimeUnit.SECONDS);
        two.onMessage(new Registered(retry.requestId(), 200));

        assertThat(second.next(Unregister.class).registrationId()).isEqualTo(200);
        assertThat(registration.isRegistered()).isFalse();
    }

    @Test
    void subscriptionTheBrokerRefusesAfterAReconnectIsTriedAgainUntilItIsMade() throws Exception {
        RecordingTransport first = new RecordingTransport();
        Session one = established(first);
        BlockingQueue<IncomingEvent> events = new LinkedBlockingQueue<>();
        CompletableFuture<Subscription> subscribing = client.subscribe("com.example.news", events::add);
        one.onMessage(new Subscribed(first.next(Subscribe.class).requestId(), 55));
        Subscription subscription = subscribing.get(5, TimeUnit.SECONDS);

        RecordingTransport second = new RecordingTransport();
        Session two = rejoinedAfterABlip(one, second);
        // e.g. a router that cannot reach its authorizer for a moment
        refuseNext(two, second, Subscribe.TYPE, ErrorUris.UNAVAILABLE);
        eventually(() -> client.state() == ConnectionState.ESTABLISHED);
        assertThat(subscription.isActive()).isTrue();
        assertThat(subscription.isSubscribed()).isFalse();
        two.onMessage(new Subscribed(second.next(Subscribe.class).requestId(), 66));

        eventually(subscription::isSubscribed);
        two.onMessage(new Event(66, 1, EventDetails.DEFAULT, Payload.of("back")));
        assertThat(events.poll(5, TimeUnit.SECONDS).arg(0)).isEqualTo("back");
    }

    @Test
    void registrationTheDealerRefusesForGoodAfterAReconnectIsDroppedAndNotTriedAgain() throws Exception {
        RecordingTransport first = new RecordingTransport();
        Session one = established(first);
        Registration registration = registered(one, first, 100);
        CompletableFuture<Subscription> subscribing = client.subscribe("com.example.news", event -> { });
        one.onMessage(new Subscribed(first.next(Subscribe.class).requestId(), 55));
        Subscription subscription = subscribing.get(5, TimeUnit.SECONDS);

        RecordingTransport second = new RecordingTransport();
        Session two = rejoinedAfterABlip(one, second);
        refuseNext(two, second, Register.TYPE, ErrorUris.PROCEDURE_EXISTS_WITH_DIFFERENT_INVOCATION_POLICY);
        two.onMessage(new Subscribed(second.next(Subscribe.class).requestId(), 66));

        eventually(() -> client.state() == ConnectionState.ESTABLISHED);
        assertThat(registration.isActive()).isFalse();
        assertThat(registration.isRegistered()).isFalse();
        assertThat(subscription.isSubscribed()).isTrue();
        second.assertNothingMoreWithin(500); // a retry would come after 100 ms or so

        // nor is it made again in the next session: only the subscription is
        two.onClosed(new NotConnectedException("another blip"));
        RecordingTransport third = new RecordingTransport();
        Session three = joined(third);
        three.onMessage(new Subscribed(third.next(Subscribe.class).requestId(), 77));
        eventually(subscription::isSubscribed);
        third.assertNothingMoreWithin(300);
    }

    @Test
    void subscriptionTheBrokerRefusesForGoodAfterAReconnectIsDroppedAndNotTriedAgain() throws Exception {
        RecordingTransport first = new RecordingTransport();
        Session one = established(first);
        CompletableFuture<Subscription> subscribing = client.subscribe("com.example.news", event -> { });
        one.onMessage(new Subscribed(first.next(Subscribe.class).requestId(), 55));
        Subscription subscription = subscribing.get(5, TimeUnit.SECONDS);

        RecordingTransport second = new RecordingTransport();
        Session two = rejoinedAfterABlip(one, second);
        refuseNext(two, second, Subscribe.TYPE, ErrorUris.NOT_AUTHORIZED);

        eventually(() -> client.state() == ConnectionState.ESTABLISHED);
        assertThat(subscription.isActive()).isFalse();
        assertThat(subscription.isSubscribed()).isFalse();
        second.assertNothingMoreWithin(500);
    }

    @Test
    void retriesEndWithTheirSessionAndTheNextSessionMakesTheRegistrationAgain() throws Exception {
        RecordingTransport first = new RecordingTransport();
        Session one = established(first);
        Registration registration = registered(one, first, 100);
        RecordingTransport second = new RecordingTransport();
        Session two = rejoinedAfterABlip(one, second);
        refuseNext(two, second, Register.TYPE, ErrorUris.PROCEDURE_ALREADY_EXISTS);

        two.onClosed(new NotConnectedException("another blip"));
        second.drain(); // a retry may have gone out before
        RecordingTransport third = new RecordingTransport();
        Session three = joined(third);
        three.onMessage(new Registered(third.next(Register.class).requestId(), 300));

        eventually(registration::isRegistered);
        assertThat(registration.id()).isEqualTo(300);
        second.assertNothingMoreWithin(300); // nothing more tried in the ended session
    }

    // --- observing calls ---

    @Test
    void callObserverHearsOfEveryCallWithItsOutcome() throws Exception {
        client.call("com.example.early", Payload.EMPTY); // no session yet
        Observed early = observed.poll(5, TimeUnit.SECONDS);
        assertThat(early.procedure()).isEqualTo("com.example.early");
        assertThat(early.failure()).isInstanceOf(NotConnectedException.class);

        RecordingTransport transport = new RecordingTransport();
        Session session = established(transport);
        CallFuture answered = client.call("com.example.add", Payload.of(2, 3));
        session.onMessage(new Result(transport.next(Call.class).requestId(), ResultDetails.DEFAULT, Payload.of(5)));
        answered.get(5, TimeUnit.SECONDS);
        Observed success = observed.poll(5, TimeUnit.SECONDS);
        assertThat(success.procedure()).isEqualTo("com.example.add");
        assertThat(success.failure()).isNull();
        assertThat(success.nanos()).isPositive();

        CallFuture failing = client.call("com.example.missing", Payload.EMPTY, CallOptions.DEFAULT);
        session.onMessage(refused(Call.TYPE, transport.next(Call.class).requestId(), ErrorUris.NO_SUCH_PROCEDURE));
        catchThrowable(() -> failing.get(5, TimeUnit.SECONDS));
        Observed error = observed.poll(5, TimeUnit.SECONDS);
        assertThat(error.procedure()).isEqualTo("com.example.missing");
        assertThat(error.failure()).isInstanceOfSatisfying(WampException.class,
                e -> assertThat(e.error()).isEqualTo(ErrorUris.NO_SUCH_PROCEDURE));

        CallFuture canceled = client.call("com.example.slow", Payload.EMPTY);
        transport.next(Call.class);
        canceled.cancel(true);
        transport.next(Cancel.class);
        assertThat(observed.poll(5, TimeUnit.SECONDS).failure()).isInstanceOf(CancellationException.class);

        client.callProgressive("com.example.upload", Payload.of("chunk"), CallOptions.DEFAULT, null);
        transport.next(Call.class);
        session.onClosed(new NotConnectedException("connection reset"));
        Observed lost = observed.poll(5, TimeUnit.SECONDS);
        assertThat(lost.procedure()).isEqualTo("com.example.upload");
        assertThat(lost.failure()).isInstanceOf(NotConnectedException.class);
    }
}
