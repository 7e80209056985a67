package dev.switchboard.wamp.client;

import static dev.switchboard.wamp.client.Clients.await;
import static dev.switchboard.wamp.client.Clients.eventually;
import static dev.switchboard.wamp.client.Clients.failure;
import static dev.switchboard.wamp.client.Clients.wampFailure;
import static dev.switchboard.wamp.client.ConnectionState.CONNECTING;
import static dev.switchboard.wamp.client.ConnectionState.DISCONNECTED;
import static dev.switchboard.wamp.client.ConnectionState.ESTABLISHED;
import static dev.switchboard.wamp.client.ConnectionState.JOINING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.client.router.RouterProcess;
import dev.switchboard.wamp.client.router.SharedRouter;
import dev.switchboard.wamp.codec.Serialization;
import dev.switchboard.wamp.message.CallOptions;
import dev.switchboard.wamp.message.Payload;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Opening and closing sessions against the real router, over WebSocket with each serializer. */
@ParameterizedClass(name = "over {0}")
@EnumSource(Serialization.class)
@ExtendWith(SharedRouter.class)
class SessionIT {

    @Parameter
    Serialization serialization;

    private Clients clients;
    private RouterProcess router;

    @BeforeEach
    void openClients(RouterProcess router, TestInfo test) {
        this.router = router;
        clients = new Clients(router, serialization, test.getTestMethod().orElseThrow().getName());
    }

    @AfterEach
    void closeClients() {
        clients.close();
    }

    @Test
    void connectOpensAnAnonymousSessionPassingThroughEachState() throws InterruptedException {
        StateRecorder recorder = new StateRecorder();
        WampClient client = clients.add(clients.builder().stateListener(recorder).build());

        SessionDetails session = await(client.connect());

        assertThat(client.state()).isEqualTo(ESTABLISHED);
        assertThat(client.session()).isEqualTo(session);
        assertThat(session.realm()).isEqualTo("realm1");
        assertThat(session.authmethod()).isEqualTo("anonymous");
        assertThat(session.authrole()).isEqualTo("anonymous");
        assertThat(session.welcome().roles().supports("dealer", "progressive_call_results")).isTrue();
        eventually(() -> recorder.reached(ESTABLISHED));
        assertThat(recorder.states).containsExactly(CONNECTING, JOINING, ESTABLISHED);
    }

    @Test
    void connectAgainWhileConnectedChangesNothing() {
        WampClient client = clients.connect();
        SessionDetails session = client.session();

        assertThat(await(client.connect())).isEqualTo(session);
        assertThat(client.state()).isEqualTo(ESTABLISHED);
    }

    @Test
    void closeSaysGoodbyeAndLeavesTheClientDisconnected() throws InterruptedException {
        StateRecorder recorder = new StateRecorder();
        WampClient client = clients.connect(builder -> builder.stateListener(recorder));

        client.close();

        assertThat(client.state()).isEqualTo(DISCONNECTED);
        assertThat(client.session()).isNull();
        eventually(() -> recorder.reached(DISCONNECTED));
        assertThat(recorder.states).containsExactly(CONNECTING, JOINING, ESTABLISHED, DISCONNECTED);
        assertThat(recorder.causes).isEmpty();
    }

    @Test
    void unknownRealmAbortsTheConnectWithNoSuchRealm() {
        WampClient client = clients.add(WampClient.builder(router.webSocketUrl(), "no.such.realm")
                .serialization(serialization).build());

        WampException refused = wampFailure(client.connect());

        assertThat(refused.error()).isEqualTo(ErrorUris.NO_SUCH_REALM);
        assertThat(client.state()).isEqualTo(DISCONNECTED);
    }

    @Test
    void offeringOnlyMethodsTheRouterDoesNotAcceptAbortsWithNoMatchingAuthMethod() {
        WampClient client = clients.add(clients.builder().authid("peter")
                .authenticators(Authenticator.wampcra("secret"), Authenticator.ticket("ticket")).build());

        assertThat(wampFailure(client.connect()).error()).isEqualTo(ErrorUris.NO_MATCHING_AUTH_METHOD);
    }

    @Test
    void offeringAnonymousExplicitlyIsAccepted() {
        WampClient client = clients.connect(builder -> builder.authenticators(Authenticator.anonymous()));

        assertThat(client.session().authmethod()).isEqualTo("anonymous");
    }

    @Test
    void requestsFailAtOnceWhileNotConnected() {
        WampClient client = clients.add(clients.builder().build());

        assertThat(failure(client.call(clients.uri("any"), Payload.EMPTY))).isInstanceOf(NotConnectedException.class);
        assertThat(failure(client.callProgressive(clients.uri("any"), Payload.EMPTY, CallOptions.DEFAULT, null)
                .result())).isInstanceOf(NotConnectedException.class);
        assertThat(failure(client.publish(clients.uri("any"), Payload.EMPTY)))
                .isInstanceOf(NotConnectedException.class);
        assertThat(failure(client.subscribe(clients.uri("any"), event -> { })))
                .isInstanceOf(NotConnectedException.class);
        WampException notConnected = wampFailure(client.register(clients.uri("any"), invocation -> Payload.EMPTY));
        assertThat(notConnected).isInstanceOf(NotConnectedException.class);
        assertThat(notConnected.error()).isEqualTo(ErrorUris.NETWORK_FAILURE);
        assertThat(notConnected).hasMessageContaining("DISCONNECTED");
    }

    @Test
    void disconnectFailsPendingCallsWithNotConnected() throws InterruptedException {
        WampClient callee = clients.connect();
        String procedure = clients.uri("slow");
        CountDownLatch started = new CountDownLatch(1);
        await(callee.register(procedure, invocation -> {
            started.countDown();
            Thread.sleep(30_000);
            return Payload.EMPTY;
        }));
        WampClient caller = clients.connect();
        CallFuture pending = caller.call(procedure, Payload.EMPTY);
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        caller.close();

        assertThat(failure(pending)).isInstanceOf(NotConnectedException.class)
                .hasMessageContaining("the client disconnected");
    }

    @Test
    void connectAfterCloseRestoresRegistrationsAndSubscriptions() throws InterruptedException {
        WampClient client = clients.connect();
        Registration registration = await(client.register(clients.uri("kept"), invocation -> Payload.of("back")));
        CountDownLatch event = new CountDownLatch(1);
        Subscription subscription = await(client.subscribe(clients.uri("kept"), e -> event.countDown()));
        client.close();

        await(client.connect());

        assertThat(registration.isActive()).isTrue();
        assertThat(subscription.isActive()).isTrue();
        WampClient other = clients.connect();
        assertThat(await(other.call(clients.uri("kept"), Payload.EMPTY)).arg(0)).isEqualTo("back");
        await(other.publish(clients.uri("kept"), Payload.EMPTY));
        assertThat(event.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void unreachableRouterLeavesTheClientDisconnectedWhenRetriesAreUsedUp() throws Exception {
        int closedPort = RouterProcess.freePort();
        StateRecorder recorder = new StateRecorder();
        WampClient client = clients.add(WampClient.builder(URI.create("ws://127.0.0.1:" + closedPort + "/ws"),
                        "realm1")
                .serialization(serialization)
                .reconnect(new ReconnectPolicy(java.time.Duration.ofMillis(10), java.time.Duration.ofMillis(40),
                        2.0, 0.5, 3))
                .stateListener(recorder)
                .build());

        Throwable gaveUp = failure(client.connect());

        assertThat(gaveUp).isInstanceOf(NotConnectedException.class).hasMessageContaining("gave up after 3 retries");
        eventually(() -> recorder.reached(DISCONNECTED));
        assertThat(recorder.states).containsExactly(CONNECTING,
                ConnectionState.RECONNECTING, CONNECTING,
                ConnectionState.RECONNECTING, CONNECTING,
                ConnectionState.RECONNECTING, CONNECTING,
                DISCONNECTED);
    }
}
