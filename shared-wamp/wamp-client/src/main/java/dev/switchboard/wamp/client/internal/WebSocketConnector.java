package dev.switchboard.wamp.client.internal;

import dev.switchboard.wamp.client.NotConnectedException;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLContext;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.WebSocketClient;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;

/**
 * Opens WebSocket connections with Spring's {@link WebSocketClient}, offering the one subprotocol of the configured
 * serialization. The default client is a {@link StandardWebSocketClient} on the JSR-356 container found on the class
 * path (Tomcat's), with the configured message size limit, connect timeout and SSL context.
 */
final class WebSocketConnector implements Connector {

    /** Tomcat's WebSocket client: the timeout of connecting and of the opening handshake, in milliseconds. */
    private static final String TOMCAT_IO_TIMEOUT = "org.apache.tomcat.websocket.IO_TIMEOUT_MS";

    private final ClientConfig config;
    private final WebSocketClient client;

    WebSocketConnector(ClientConfig config) {
        this.config = config;
        this.client = config.webSocketClient() != null ? config.webSocketClient() : defaultClient(config);
    }

    private static WebSocketClient defaultClient(ClientConfig config) {
        WebSocketContainer container = ContainerProvider.getWebSocketContainer();
        container.setDefaultMaxTextMessageBufferSize(config.maxMessageSize());
        container.setDefaultMaxBinaryMessageBufferSize(config.maxMessageSize());
        StandardWebSocketClient client = new StandardWebSocketClient(container);
        client.setUserProperties(Map.of(TOMCAT_IO_TIMEOUT, String.valueOf(config.connectTimeout().toMillis())));
        SSLContext ssl = config.sslContext();
        if (ssl != null) {
            client.setSslContext(ssl);
        }
        SimpleAsyncTaskExecutor connecting = new SimpleAsyncTaskExecutor("wamp-connect-");
        connecting.setVirtualThreads(true);
        client.setTaskExecutor(connecting);
        return client;
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
