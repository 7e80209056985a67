package dev.switchboard.wamp.client.internal;

import dev.switchboard.wamp.client.NotConnectedException;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.WebSocketClient;

/**
 * Opens WebSocket connections with Spring's {@link WebSocketClient}, offering the one subprotocol of the configured
 * serialization. The default client is a {@link JdkWebSocketClient} (the JDK's WebSocket, which sends with
 * {@code TCP_NODELAY}) with the configured message size limit, connect and close timeouts and SSL context.
 */
final class WebSocketConnector implements Connector {

    private final ClientConfig config;
    private final WebSocketClient client;
    private final @Nullable JdkWebSocketClient own;

    WebSocketConnector(ClientConfig config) {
        this.config = config;
        WebSocketClient given = config.webSocketClient();
        this.own = given == null ? new JdkWebSocketClient(config.sslContext(), config.connectTimeout(),
                config.closeTimeout(), config.maxMessageSize()) : null;
        this.client = given != null ? given : own;
    }

    @Override
    public void close() {
        if (own != null) {
            own.close();
        }
    }

    @Override
    public void connect(TransportListener listener) {
        WebSocketTransport transport = new WebSocketTransport(config, listener);
        WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
        headers.setSecWebSocketProtocol(List.of(config.serialization().subprotocol()));
        try {
            client.execute(transport, headers, config.url()).whenComplete((session, failure) -> {
                if (failure != null) {
                    transport.openFailed(unwrap(failure)); // must not throw: nothing would see it
                }
            });
        } catch (RuntimeException failure) {
            transport.openFailed(failure);
        }
    }

    private Throwable unwrap(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return new NotConnectedException("cannot connect to " + config.url() + ": " + cause, cause);
    }
}
