package dev.switchboard.wamp.client;

import static dev.switchboard.wamp.client.Clients.await;
import static dev.switchboard.wamp.client.Clients.eventually;
import static dev.switchboard.wamp.client.Clients.failure;
import static dev.switchboard.wamp.client.ConnectionState.ESTABLISHED;
import static dev.switchboard.wamp.client.ConnectionState.RECONNECTING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.wamp.CloseUris;
import dev.switchboard.wamp.client.router.RouterProcess;
import dev.switchboard.wamp.codec.Serialization;
import dev.switchboard.wamp.message.Payload;
import java.time.Duration;
import java.util.Collections;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The router goes away and comes back on the same port while clients run: pending calls fail with
 * {@link NotConnectedException}, requests meanwhile fail at once, and once the router is back the clients have
 * reconnected by themselves and their procedures and subscriptions work again, under the same handles.
 */
class ReconnectIT {

    private static final ReconnectPolicy QUICK =
            new ReconnectPolicy(Duration.ofMillis(50), Duration.ofMillis(500), 2.0, 0.5, Integer.MAX_VALUE);

    private RouterProcess router;
    private Clients clients;

    @AfterEach
    void stopEverything() throws InterruptedException {
        if (clients != null) {
            clients.close();
        }
        if (router != null) {
            router.stop();
        }
    }

    @ParameterizedTest(name = "over {0}")
    @EnumSource(Serialization.class)
    void clientsSurviveTheRouterBeingKilledAndStoppedWithoutARestartOfTheirOwn(Serialization serialization)
            throws Exception {
        router = RouterProcess.launch();
        clients = new Clients(router, serialization, "reconnect");
        StateRecorder calleeStates = new StateRecorder();
        StateRecorder callerStates = new StateRecorder();
        WampClient callee = clients.connect(builder -> builder.reconnect(QUICK).stateListener(calleeStates));
        WampClient caller = clients.connect(builder -> builder.reconnect(QUICK).stateListener(callerStates));
        CountDownLatch slowStarted = new CountDownLatch(1);
        Registration echo = await(callee.register(clients.uri("echo"), invocation -> invocation.arguments()));
        await(callee.register(clients.uri("slow"), invocation -> {
            slowStarted.countDown();
            Thread.sleep(60_000);
            return Payload.EMPTY;
        }));
        BlockingQueue<Object> events = new LinkedBlockingQueue<>();
        Subscription subscription = await(callee.subscribe(clients.uri("news"), event -> events.add(event.arg(0))));
        assertWorks(callee, caller, events, "before");

        // 1. the router dies: the connections just drop
        CallFuture pending = caller.call(clients.uri("slow"), Payload.EMPTY);
        assertThat(slowStarted.await(10, TimeUnit.SECONDS)).isTrue();
        router.kill();

        assertThat(failure(pending)).isInstanceOf(NotConnectedException.class)
                .hasMessageContaining("nothing is retried");
        eventually(() -> caller.state() != ESTABLISHED && callee.state() != ESTABLISHED);
        assertThat(failure(caller.call(clients.uri("echo"), Payload.EMPTY))).isInstanceOf(NotConnectedException.class);
        router.start();

        awaitReestablished(callee, calleeStates, 2);
        awaitReestablished(caller, callerStates, 2);
        assertWorks(callee, caller, events, "after the kill");
        assertThat(echo.isActive()).isTrue();
        assertThat(subscription.isActive()).isTrue();

        // 2. the router is stopped: it says GOODBYE (wamp.close.system_shutdown) first
        router.stop();
        eventually(() -> calleeStates.states.lastIndexOf(RECONNECTING) > calleeStates.states.indexOf(RECONNECTING));
        assertThat(calleeStates.causes).anySatisfy(cause -> assertThat(cause).isInstanceOfSatisfying(
                WampException.class, e -> assertThat(e.error()).isEqualTo(CloseUris.SYSTEM_SHUTDOWN)));
        router.start();

        awaitReestablished(callee, calleeStates, 3);
        awaitReestablished(caller, callerStates, 3);
        assertWorks(callee, caller, events, "after the stop");
    }

    private static void awaitReestablished(WampClient client, StateRecorder states, int times)
            throws InterruptedException {
        eventually(() -> Collections.frequency(states.states, ESTABLISHED) == times);
        assertThat(client.state()).isEqualTo(ESTABLISHED);
    }

    private void assertWorks(WampClient callee, WampClient caller, BlockingQueue<Object> events, String label)
            throws InterruptedException {
        assertThat(await(caller.call(clients.uri("echo"), Payload.of(label))).arg(0)).isEqualTo(label);
        await(caller.publish(clients.uri("news"), Payload.of(label)));
        assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo(label);
        assertThat(callee.state()).isEqualTo(ESTABLISHED);
    }
}
