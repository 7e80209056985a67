package dev.switchboard.wamp.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.switchboard.wamp.CloseUris;
import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.ProtocolViolationException;
import dev.switchboard.wamp.client.Authenticator;
import dev.switchboard.wamp.client.CallFuture;
import dev.switchboard.wamp.client.IncomingEvent;
import dev.switchboard.wamp.client.InvocationHandler;
import dev.switchboard.wamp.client.NotConnectedException;
import dev.switchboard.wamp.client.ReconnectPolicy;
import dev.switchboard.wamp.client.WampOptions;
import dev.switchboard.wamp.codec.Serialization;
import dev.switchboard.wamp.message.Abort;
import dev.switchboard.wamp.message.Authenticate;
import dev.switchboard.wamp.message.CallOptions;
import dev.switchboard.wamp.message.CancelMode;
import dev.switchboard.wamp.message.Challenge;
import dev.switchboard.wamp.message.ChallengeExtra;
import dev.switchboard.wamp.message.CloseDetails;
import dev.switchboard.wamp.message.Error;
import dev.switchboard.wamp.message.Event;
import dev.switchboard.wamp.message.EventDetails;
import dev.switchboard.wamp.message.Goodbye;
import dev.switchboard.wamp.message.Hello;
import dev.switchboard.wamp.message.Interrupt;
import dev.switchboard.wamp.message.InterruptOptions;
import dev.switchboard.wamp.message.Invocation;
import dev.switchboard.wamp.message.InvocationDetails;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.Register;
import dev.switchboard.wamp.message.RegisterOptions;
import dev.switchboard.wamp.message.Registered;
import dev.switchboard.wamp.message.Roles;
import dev.switchboard.wamp.message.Subscribe;
import dev.switchboard.wamp.message.SubscribeOptions;
import dev.switchboard.wamp.message.Subscribed;
import dev.switchboard.wamp.message.Unregistered;
import dev.switchboard.wamp.message.Welcome;
import dev.switchboard.wamp.message.WelcomeDetails;
import dev.switchboard.wamp.message.Yield;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One session driven message by message against a recording transport, as a router would drive it. */
class SessionTests {

    private final RecordingTransport transport = new RecordingTransport();
    private final RecordingSessionListener listener = new RecordingSessionListener();

    private static ClientConfig config(String authid, Authenticator... authenticators) {
        return new ClientConfig(URI.create("ws://127.0.0.1:1/ws"), "realm1", Serialization.JSON, authid, null,
                List.of(authenticators), ReconnectPolicy.NEVER, null, null, 1 << 20, Duration.ofSeconds(5),
                Duration.ofSeconds(1), Duration.ZERO, Duration.ZERO, Duration.ofSeconds(5), 1 << 20,
                task -> Thread.ofVirtual().start(task), 100, "test", List.of(), List.of());
    }

    private final ClientConfig config = config(null);
    private final RealWampClient client = new RealWampClient(config, transportListener -> { });

    private Session opened(ClientConfig config) throws InterruptedException {
        Session session = new Session(config, listener);
        session.onOpen(transport);
        transport.next(Hello.class);
        return session;
    }

    private Session established() throws InterruptedException {
        Session session = opened(config);
        session.onMessage(new Welcome(7, new WelcomeDetails(Roles.of(Map.of(Roles.DEALER, Set.of())), "joe",
                "anonymous", "anonymous", "static", Map.of(), "router", Map.of())));
        return session;
    }

    private RealRegistration registered(Session session, long registrationId, RegisterOptions options,
                                        InvocationHandler handler) throws Exception {
        RealRegistration registration = new RealRegistration(client, "com.example.run", options, handler);
        CompletableFuture<Void> done = session.requests().register(registration);
        Register register = transport.next(Register.class);
        session.onMessage(new Registered(register.requestId(), registrationId));
        done.get(5, TimeUnit.SECONDS);
        return registration;
    }

    private static Invocation invocation(long requestId, long registrationId) {
        return new Invocation(requestId, registrationId, InvocationDetails.DEFAULT, Payload.EMPTY);
    }

    @Test
    void helloAnnouncesTheClientsRolesAndTheAuthenticationItOffers() throws InterruptedException {
        Session session = new Session(config("peter", Authenticator.wampcra("secret"),
                Authenticator.cryptosign("00".repeat(32))), listener);

        session.onOpen(transport);

        Hello hello = transport.next(Hello.class);
        assertThat(hello.realm()).isEqualTo("realm1");
        assertThat(hello.details().authmethods()).containsExactly("wampcra", "cryptosign");
        assertThat(hello.details().authid()).isEqualTo("peter");
        assertThat(hello.details().authextra()).containsKey("pubkey");
        assertThat(hello.details().roles().supports(Roles.CALLEE, "progressive_call_invocations")).isTrue();
        assertThat(hello.details().roles().supports(Roles.CALLER, "call_canceling")).isTrue();
        assertThat(hello.details().roles().supports(Roles.SUBSCRIBER, "pattern_based_subscription")).isTrue();
        assertThat(hello.details().roles().supports(Roles.PUBLISHER, "subscriber_blackwhite_listing")).isTrue();
    }

    @Test
    void challengeIsAnsweredByTheAuthenticatorOfItsMethodThenWelcomeEstablishes() throws InterruptedException {
        Session session = opened(config("peter", Authenticator.ticket("t1"), Authenticator.wampcra("secret1")));

        session.onMessage(new Challenge("wampcra", new ChallengeExtra("{}", null, null, null, Map.of())));
        Authenticate answer = transport.next(Authenticate.class);
        session.onMessage(new Welcome(7, new WelcomeDetails(Roles.of(Map.of(Roles.DEALER, Set.of())), "peter",
                "user", "wampcra", "static", Map.of(), null, Map.of())));

        assertThat(answer.signature()).isEqualTo(
                Authenticator.wampcra("secret1").authenticate(ChallengeExtra.fromWire(Map.of("challenge", "{}")))
                        .signature());
        assertThat(listener.welcomed.sessionId()).isEqualTo(7);
        assertThat(listener.welcomed.authmethod()).isEqualTo("wampcra");
        assertThat(session.isEstablished()).isTrue();
    }

    @Test
    void challengeForAMethodNotOfferedAbortsTheOpening() throws InterruptedException {
        Session session = opened(config("peter", Authenticator.ticket("t1")));

        session.onMessage(new Challenge("wampcra", ChallengeExtra.DEFAULT));

        assertThat(transport.next(Abort.class).reason()).isEqualTo(ErrorUris.AUTHENTICATION_FAILED);
        // the ABORT goes out first, then the listener hears of it
        long deadline = System.nanoTime() + 5_000_000_000L;
        while ((listener.aborted == null || transport.closedWith == null) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(listener.aborted.error()).isEqualTo(ErrorUris.AUTHENTICATION_FAILED);
        assertThat(transport.closedWith).isNotNull();
    }

    @Test
    void abortInTheOpeningIsReportedAsARefusal() throws InterruptedException {
        Session session = opened(config);

        session.onMessage(new Abort(CloseDetails.message("no such realm"), ErrorUris.NO_SUCH_REALM));

        assertThat(listener.aborted.error()).isEqualTo(ErrorUris.NO_SUCH_REALM);
        assertThat(listener.aborted).hasMessageContaining("no such realm");
    }

    @Test
    void invocationsBeyondTheConcurrencyLimitAreRefusedByTheClientItself() throws Exception {
        Session session = established();
        CountDownLatch release = new CountDownLatch(1);
        registered(session, 100, WampOptions.register().concurrency(1).build(), invocation -> {
            release.await();
            return Payload.of("done");
        });

        session.onMessage(invocation(1, 100));
        session.onMessage(invocation(2, 100));

        Error refused = transport.next(Error.class);
        assertThat(refused.requestId()).isEqualTo(2);
        assertThat(refused.requestType()).isEqualTo(Invocation.TYPE);
        assertThat(refused.error()).isEqualTo(ErrorUris.MAX_CONCURRENCY_REACHED);
        release.countDown();
        assertThat(transport.next(Yield.class).requestId()).isEqualTo(1);
        session.onMessage(invocation(3, 100));
        assertThat(transport.next(Yield.class).requestId()).isEqualTo(3);
    }

    @Test
    void interruptIsAnsweredWithItsReasonAndInterruptsTheHandler() throws Exception {
        Session session = established();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch threadInterrupted = new CountDownLatch(1);
        registered(session, 100, RegisterOptions.DEFAULT, invocation -> {
            started.countDown();
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                threadInterrupted.countDown();
            }
            return Payload.of("too late");
        });
        session.onMessage(invocation(1, 100));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        session.onMessage(new Interrupt(1, new InterruptOptions(CancelMode.KILL, ErrorUris.TIMEOUT, Map.of())));

        Error answer = transport.next(Error.class);
        assertThat(answer.requestId()).isEqualTo(1);
        assertThat(answer.error()).isEqualTo(ErrorUris.TIMEOUT);
        assertThat(threadInterrupted.await(5, TimeUnit.SECONDS)).isTrue();
        transport.assertNothingMoreWithin(200); // the handler's late result is dropped
    }

    @Test
    void interruptInKillNoWaitModeIsNotAnswered() throws Exception {
        Session session = established();
        CountDownLatch started = new CountDownLatch(1);
        registered(session, 100, RegisterOptions.DEFAULT, invocation -> {
            started.countDown();
            Thread.sleep(30_000);
            return Payload.EMPTY;
        });
        session.onMessage(invocation(1, 100));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        session.onMessage(new Interrupt(1, new InterruptOptions(CancelMode.KILLNOWAIT, null, Map.of())));

        transport.assertNothingMoreWithin(300);
    }

    @Test
    void progressiveInvocationChunksReachTheHandlerInOrder() throws Exception {
        Session session = established();
        registered(session, 100, RegisterOptions.DEFAULT, invocation -> {
            List<Object> all = new ArrayList<>(invocation.args());
            while (invocation.hasMoreChunks()) {
                all.addAll(invocation.nextChunk().args());
            }
            return Payload.of(all, Map.of());
        });
        InvocationDetails more = new InvocationDetails(null, null, null, null, false, true, null, Map.of());

        session.onMessage(new Invocation(1, 100, more, Payload.of("a")));
        session.onMessage(new Invocation(1, 100, more, Payload.of("b")));
        session.onMessage(new Invocation(1, 100, InvocationDetails.DEFAULT, Payload.of("c")));

        Yield yield = transport.next(Yield.class);
        assertThat(((Payload.Arguments) yield.payload()).args()).containsExactly("a", "b", "c");
    }

    @Test
    void invocationOfAnUnknownRegistrationIsAnsweredWithNoSuchRegistration() throws Exception {
        Session session = established();

        session.onMessage(invocation(1, 999));

        assertThat(transport.next(Error.class).error()).isEqualTo(ErrorUris.NO_SUCH_REGISTRATION);
    }

    @Test
    void revokedRegistrationBecomesInactiveAndIsReported() throws Exception {
        Session session = established();
        RealRegistration registration = registered(session, 100, RegisterOptions.DEFAULT, invocation -> Payload.EMPTY);

        session.onMessage(new Unregistered(0, Map.of("registration", 100L, "reason", "wamp.error.testing")));

        assertThat(listener.revoked).containsExactly(registration);
    }

    @Test
    void eventRightAfterSubscribedReachesTheNewSubscription() throws Exception {
        Session session = established();
        BlockingQueue<IncomingEvent> events = new LinkedBlockingQueue<>();
        RealSubscription subscription = new RealSubscription(client, "com.example.topic", SubscribeOptions.DEFAULT,
                events::add, new SerialExecutor(config.handlerExecutor(), 10));
        CompletableFuture<Void> subscribed = session.requests().subscribe(subscription);
        Subscribe subscribe = transport.next(Subscribe.class);

        // a retained event follows SUBSCRIBED at once, before the subscribe future's callbacks can have run
        session.onMessage(new Subscribed(subscribe.requestId(), 55));
        session.onMessage(new Event(55, 1, EventDetails.DEFAULT, Payload.of("retained")));

        subscribed.get(5, TimeUnit.SECONDS);
        assertThat(events.poll(5, TimeUnit.SECONDS).arg(0)).isEqualTo("retained");
    }

    @Test
    void pendingRequestsFailWithNotConnectedWhenTheConnectionCloses() throws Exception {
        Session session = established();
        CallFuture call = session.requests().call("com.example.slow", Payload.EMPTY, CallOptions.DEFAULT, null);
        CompletableFuture<Void> subscribe = session.requests().subscribe(new RealSubscription(client,
                "com.example.topic", SubscribeOptions.DEFAULT, event -> { },
                new SerialExecutor(config.handlerExecutor(), 10)));

        session.onClosed(new NotConnectedException("connection reset"));

        for (CompletableFuture<?> pending : List.of(call, subscribe)) {
            Throwable failure = catchThrowable(() -> pending.get(5, TimeUnit.SECONDS));
            assertThat(failure).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(NotConnectedException.class)
                    .hasMessageContaining("nothing is retried").hasMessageContaining("connection reset");
        }
        assertThat(listener.closed).hasMessageContaining("connection reset");
        assertThat(catchThrowable(() -> session.requests()
                .call("com.example.late", Payload.EMPTY, CallOptions.DEFAULT, null).get(5, TimeUnit.SECONDS)))
                .cause().isInstanceOf(NotConnectedException.class);
    }

    @Test
    void goodbyeFromTheRouterIsAnsweredAndEndsTheSession() throws Exception {
        Session session = established();

        session.onMessage(new Goodbye(CloseDetails.message("bye"), CloseUris.SYSTEM_SHUTDOWN));

        assertThat(transport.next(Goodbye.class).reason()).isEqualTo(CloseUris.GOODBYE_AND_OUT);
        Thread.sleep(100);
        assertThat(transport.closedWith).isNotNull();
        session.onClosed(new NotConnectedException("closed"));
        assertThat(listener.closed).isInstanceOf(dev.switchboard.wamp.client.WampException.class)
                .hasMessageContaining(CloseUris.SYSTEM_SHUTDOWN);
    }

    @Test
    void messageARouterNeverSendsInASessionIsAProtocolViolation() throws Exception {
        Session session = established();

        session.onMessage(new Registered(1, 1)); // answers nothing: fine, dropped
        session.onMessage(new Hello("realm1", new dev.switchboard.wamp.message.HelloDetails(
                Roles.of(Map.of(Roles.CALLER, Set.of())), List.of(), null, null, Map.of(), null, Map.of())));

        assertThat(transport.next(Abort.class).reason()).isEqualTo(ErrorUris.PROTOCOL_VIOLATION);
    }

    @Test
    void undecodableFrameAbortsTheSession() throws Exception {
        Session session = established();

        session.onProtocolViolation(new ProtocolViolationException("not a WAMP message"));

        Abort abort = transport.next(Abort.class);
        assertThat(abort.reason()).isEqualTo(ErrorUris.PROTOCOL_VIOLATION);
        assertThat(abort.details().message()).isEqualTo("not a WAMP message");
    }

    @Test
    void invocationTheHandlerExecutorRefusesIsAnsweredWithAnError() throws Exception {
        ClientConfig refusing = new ClientConfig(config.url(), "realm1", Serialization.JSON, null, null, List.of(),
                ReconnectPolicy.NEVER, null, null, 1 << 20, Duration.ofSeconds(5), Duration.ofSeconds(1),
                Duration.ZERO, Duration.ZERO, Duration.ofSeconds(5), 1 << 20, task -> {
                    throw new java.util.concurrent.RejectedExecutionException("saturated");
                }, 100, "test", List.of(), List.of());
        Session session = opened(refusing);
        session.onMessage(new Welcome(7, new WelcomeDetails(Roles.of(Map.of(Roles.DEALER, Set.of())), "joe",
                "anonymous", "anonymous", "static", Map.of(), "router", Map.of())));
        registered(session, 100, RegisterOptions.DEFAULT, invocation -> Payload.EMPTY);

        session.onMessage(invocation(1, 100));

        Error refused = transport.next(Error.class);
        assertThat(refused.requestId()).isEqualTo(1);
        assertThat(refused.error()).isEqualTo(ErrorUris.MAX_CONCURRENCY_REACHED);
    }
}
