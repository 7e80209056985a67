package dev.switchboard.router.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

/** Until the session layer provides its ConnectionAcceptor bean, the router starts but takes no connections. */
class WithoutSessionLayerTests {

    @Test
    void theWebSocketEndpointAnswersServiceUnavailable() {
        WebSocketTransport transport = new WebSocketTransport(TestProperties.of(), null,
                new TransportMetrics(new SimpleMeterRegistry(), WebSocketTransport.TYPE));
        transport.start();
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/ws")
                .header("Upgrade", "websocket")
                .header("Sec-WebSocket-Protocol", "wamp.2.json"));

        transport.handle(exchange).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(exchange.getResponse().getBodyAsString().block()).contains("no WAMP session layer");
    }

    @Test
    void theRawSocketServerDoesNotListen() {
        RawSocketServer server = new RawSocketServer(TestProperties.of(), null,
                new TransportMetrics(new SimpleMeterRegistry(), RawSocketServer.TYPE), null);

        server.start();

        assertThat(server.isRunning()).isFalse();
    }
}
