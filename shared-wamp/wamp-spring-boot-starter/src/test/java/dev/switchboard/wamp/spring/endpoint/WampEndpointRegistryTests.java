package dev.switchboard.wamp.spring.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.client.ConnectionState;
import dev.switchboard.wamp.client.InvocationHandler;
import dev.switchboard.wamp.client.Registration;
import dev.switchboard.wamp.client.WampClient;
import dev.switchboard.wamp.client.WampException;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.RegisterOptions;
import dev.switchboard.wamp.spring.WampMetricsRecorder;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The registry against a client whose router answers as each test says. */
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
}
