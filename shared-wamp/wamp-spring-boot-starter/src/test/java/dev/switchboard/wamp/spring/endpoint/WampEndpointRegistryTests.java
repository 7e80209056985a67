package dev.switchboard.wamp.spring.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.after;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.client.ConnectionState;
import dev.switchboard.wamp.client.EventHandler;
import dev.switchboard.wamp.client.InvocationHandler;
import dev.switchboard.wamp.client.NotConnectedException;
import dev.switchboard.wamp.client.Registration;
import dev.switchboard.wamp.client.Subscription;
import dev.switchboard.wamp.client.WampClient;
import dev.switchboard.wamp.client.WampException;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.RegisterOptions;
import dev.switchboard.wamp.message.SubscribeOptions;
import dev.switchboard.wamp.spring.WampMetricsRecorder;
import dev.switchboard.wamp.spring.actuate.WampHealthIndicator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The registry against a client whose router answers as each test says. */
@ExtendWith(OutputCaptureExtension.class)
class WampEndpointRegistryTests {

    private final WampClient client = mock(WampClient.class);
    private final WampEndpointRegistry registry = new WampEndpointRegistry(client, WampMetricsRecorder.NONE);

    @Test
    void endpointTheRouterRefusesIsTriedAgainUntilItIsMadeAndOnlyThenCountsAsEstablished() {
        Registration made = mock(Registration.class);
        when(made.isActive()).thenReturn(true);
        when(made.isRegistered()).thenReturn(true);
        when(client.state()).thenReturn(ConnectionState.ESTABLISHED);
        when(client.register(eq("com.example.add"), any(RegisterOptions.class), any(InvocationHandler.class)))
                .thenReturn(CompletableFuture.failedFuture(new WampException(ErrorUris.PROCEDURE_ALREADY_EXISTS,
                        Payload.of("the previous session still holds it"))))
                .thenReturn(CompletableFuture.completedFuture(made));
        registry.add(new WampEndpoint.Procedure("com.example.add", RegisterOptions.DEFAULT,
                invocation -> Payload.EMPTY));

        registry.start();

        verify(client, timeout(10_000).times(2))
                .register(eq("com.example.add"), any(RegisterOptions.class), any(InvocationHandler.class));
        await().untilAsserted(() -> assertThat(registry.allEstablished()).isTrue());
    }

    @Test
    void endpointHeldByTheClientButNotMadeInThisSessionIsNotEstablished() {
        Registration retrying = mock(Registration.class);
        when(retrying.isActive()).thenReturn(true);
        when(retrying.isRegistered()).thenReturn(false);
        when(client.state()).thenReturn(ConnectionState.ESTABLISHED);
        when(client.register(eq("com.example.add"), any(RegisterOptions.class), any(InvocationHandler.class)))
                .thenReturn(CompletableFuture.completedFuture(retrying));
        registry.add(new WampEndpoint.Procedure("com.example.add", RegisterOptions.DEFAULT,
                invocation -> Payload.EMPTY));

        registry.start();

        verify(client, timeout(10_000)).register(eq("com.example.add"), any(RegisterOptions.class),
                any(InvocationHandler.class));
        assertThat(registry.allEstablished()).isFalse();
    }

    private static final String ADD = "com.example.add";

    private void addProcedure() {
        registry.add(new WampEndpoint.Procedure(ADD, RegisterOptions.DEFAULT, invocation -> Payload.EMPTY));
    }

    private CompletableFuture<Registration> register() {
        return client.register(eq(ADD), any(RegisterOptions.class), any(InvocationHandler.class));
    }

    private static Registration registered() {
        Registration made = mock(Registration.class);
        when(made.isActive()).thenReturn(true);
        when(made.isRegistered()).thenReturn(true);
        when(made.unregister()).thenReturn(CompletableFuture.completedFuture(null));
        return made;
    }

    private static <T> CompletableFuture<T> refusal(String error) {
        return CompletableFuture.failedFuture(new WampException(error, Payload.of("refused by the test")));
    }

    /** The log lines at WARN level that contain every one of {@code parts}. */
    private static long warnings(CapturedOutput output, String... parts) {
        return output.getAll().lines().filter(line -> line.contains("WARN"))
                .filter(line -> List.of(parts).stream().allMatch(line::contains)).count();
    }

    @Test
    void endpointTheRouterRefusesForGoodIsNotTriedAgainAndKeepsHealthDown(CapturedOutput output) {
        when(client.state()).thenReturn(ConnectionState.ESTABLISHED);
        when(register()).thenReturn(refusal(ErrorUris.NOT_AUTHORIZED));
        addProcedure();

        registry.start();
        verify(client, timeout(10_000)).register(eq(ADD), any(RegisterOptions.class), any(InvocationHandler.class));
        registry.onStateChanged(ConnectionState.RECONNECTING, ConnectionState.ESTABLISHED, null); // a new session

        // a retry would follow after 500 ms
        verify(client, after(1_500).times(1))
                .register(eq(ADD), any(RegisterOptions.class), any(InvocationHandler.class));
        assertThat(registry.allEstablished()).isFalse();
        assertThat(new WampHealthIndicator(client, registry).health(true).getStatus()).isEqualTo(Status.DOWN);
        assertThat(warnings(output, ADD, ErrorUris.NOT_AUTHORIZED)).isOne();
        assertThat(output.getAll()).doesNotContain("trying again in");
    }

    @Test
    void endpointWhoseSessionEndedIsMadeInTheNextSessionWithoutPromisingARetry(CapturedOutput output) {
        AtomicReference<ConnectionState> state = new AtomicReference<>(ConnectionState.ESTABLISHED);
        when(client.state()).thenAnswer(invocation -> state.get());
        Registration made = registered();
        when(register()).thenAnswer(invocation -> {
            state.set(ConnectionState.RECONNECTING); // lost while the REGISTER was out
            return CompletableFuture.failedFuture(new NotConnectedException("connection reset"));
        }).thenReturn(CompletableFuture.completedFuture(made));
        addProcedure();

        registry.start();
        verify(client, timeout(10_000)).register(eq(ADD), any(RegisterOptions.class), any(InvocationHandler.class));
        assertThat(registry.allEstablished()).isFalse();
        state.set(ConnectionState.ESTABLISHED);
        registry.onStateChanged(ConnectionState.JOINING, ConnectionState.ESTABLISHED, null);

        verify(client, timeout(10_000).times(2))
                .register(eq(ADD), any(RegisterOptions.class), any(InvocationHandler.class));
        await().untilAsserted(() -> assertThat(registry.allEstablished()).isTrue());
        assertThat(output.getAll()).doesNotContain("trying again in");
    }

    @Test
    void backoffStartsAfreshInEverySession(CapturedOutput output) {
        when(client.state()).thenReturn(ConnectionState.ESTABLISHED);
        Registration made = registered();
        when(register()).thenReturn(refusal(ErrorUris.PROCEDURE_ALREADY_EXISTS),
                refusal(ErrorUris.PROCEDURE_ALREADY_EXISTS), refusal(ErrorUris.PROCEDURE_ALREADY_EXISTS),
                CompletableFuture.completedFuture(made));
        addProcedure();

        registry.start();
        verify(client, timeout(10_000).times(2)) // the first try and its retry
                .register(eq(ADD), any(RegisterOptions.class), any(InvocationHandler.class));
        registry.onStateChanged(ConnectionState.RECONNECTING, ConnectionState.ESTABLISHED, null); // a new session
        verify(client, timeout(10_000).times(3))
                .register(eq(ADD), any(RegisterOptions.class), any(InvocationHandler.class));

        await().untilAsserted(() -> assertThat(registry.allEstablished()).isTrue());
        assertThat(warnings(output, ADD, "(try 1); trying again in 500 ms")).as("one per session").isEqualTo(2);
        assertThat(warnings(output, "(try 2)")).as("a repeated refusal is no news").isZero();
    }

    @Test
    void triggersRacingForOneEndpointMakeOneSubscription() throws Exception {
        AtomicReference<ConnectionState> state = new AtomicReference<>(ConnectionState.CONNECTING);
        when(client.state()).thenAnswer(invocation -> state.get());
        CompletableFuture<Subscription> answer = new CompletableFuture<>(); // the router has not answered yet
        when(client.subscribe(eq("com.example.news"), any(SubscribeOptions.class), any(EventHandler.class)))
                .thenReturn(answer);
        registry.add(new WampEndpoint.Subscriber("com.example.news", SubscribeOptions.DEFAULT, event -> { }));
        registry.start();
        state.set(ConnectionState.ESTABLISHED);

        CountDownLatch go = new CountDownLatch(1);
        List<Thread> triggers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            triggers.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                registry.onStateChanged(ConnectionState.JOINING, ConnectionState.ESTABLISHED, null);
            }));
        }
        go.countDown();
        for (Thread trigger : triggers) {
            trigger.join();
        }

        verify(client).subscribe(eq("com.example.news"), any(SubscribeOptions.class), any(EventHandler.class));
    }

    @Test
    void registrationMadeAfterTheRegistryStoppedIsEndedAtOnce() {
        when(client.state()).thenReturn(ConnectionState.ESTABLISHED);
        CompletableFuture<Registration> answer = new CompletableFuture<>();
        when(register()).thenReturn(answer);
        addProcedure();
        registry.start();
        verify(client, timeout(10_000)).register(eq(ADD), any(RegisterOptions.class), any(InvocationHandler.class));

        registry.stop();
        Registration late = registered();
        answer.complete(late);

        verify(late, timeout(10_000)).unregister();
        assertThat(registry.allEstablished()).isFalse();
    }

    @Test
    void subscriptionMadeAfterTheRegistryStoppedIsEndedAtOnce() {
        when(client.state()).thenReturn(ConnectionState.ESTABLISHED);
        CompletableFuture<Subscription> answer = new CompletableFuture<>();
        when(client.subscribe(eq("com.example.news"), any(SubscribeOptions.class), any(EventHandler.class)))
                .thenReturn(answer);
        registry.add(new WampEndpoint.Subscriber("com.example.news", SubscribeOptions.DEFAULT, event -> { }));
        registry.start();
        verify(client, timeout(10_000))
                .subscribe(eq("com.example.news"), any(SubscribeOptions.class), any(EventHandler.class));

        registry.stop();
        Subscription late = mock(Subscription.class);
        when(late.isActive()).thenReturn(true);
        when(late.isSubscribed()).thenReturn(true);
        when(late.unsubscribe()).thenReturn(CompletableFuture.completedFuture(null));
        answer.complete(late);

        verify(late, timeout(10_000)).unsubscribe();
        assertThat(registry.allEstablished()).isFalse();
    }
}
