package dev.switchboard.wamp.client.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.socket.WebSocketExtension;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.AbstractWebSocketClient;

/**
 * Spring's {@code WebSocketClient} on the JDK's {@link java.net.http.WebSocket}. The JDK's client sends with
 * {@code TCP_NODELAY}; Tomcat's JSR-356 client does not, and writes a large message in more than one piece, so every
 * such message waited for the peer's delayed ACK (about 40 ms on Linux): an anneal call with a 2,392-city tour took
 * 50 ms longer than its work. Messages are delivered whole, up to the size limit (larger ones close the connection
 * with 1009); pings from the peer are answered by the JDK.
 */
final class JdkWebSocketClient extends AbstractWebSocketClient implements AutoCloseable {

    private final @Nullable SSLContext ssl;
    private final Duration connectTimeout;
    private final Duration closeTimeout;
    private final int maxMessageSize;
    private @Nullable HttpClient http; // guarded by this

    JdkWebSocketClient(@Nullable SSLContext ssl, Duration connectTimeout, Duration closeTimeout, int maxMessageSize) {
        this.ssl = ssl;
        this.connectTimeout = connectTimeout;
        this.closeTimeout = closeTimeout;
        this.maxMessageSize = maxMessageSize;
    }

    /** The HTTP client, made on first use and again after {@link #close()}. */
    private synchronized HttpClient http() {
        HttpClient client = http;
        if (client == null) {
            HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(connectTimeout);
            if (ssl != null) {
                builder.sslContext(ssl);
            }
            client = builder.build();
            http = client;
        }
        return client;
    }

    /**
     * Releases the HTTP client (its selector thread and connection pool) without waiting; connections still open
     * are cut. A later connection makes a new one.
     */
    @Override
    public synchronized void close() {
        HttpClient client = http;
        http = null;
        if (client != null) {
            client.shutdownNow();
        }
    }

    @Override
    protected CompletableFuture<WebSocketSession> executeInternal(WebSocketHandler handler, HttpHeaders headers,
                                                                  URI uri, List<String> subProtocols,
                                                                  List<WebSocketExtension> extensions,
                                                                  Map<String, Object> attributes) {
        JdkWebSocketSession session = new JdkWebSocketSession(attributes, uri, headers, handler, maxMessageSize,
                closeTimeout);
        WebSocket.Builder builder = http().newWebSocketBuilder().connectTimeout(connectTimeout);
        if (!subProtocols.isEmpty()) {
            builder.subprotocols(subProtocols.getFirst(),
                    subProtocols.subList(1, subProtocols.size()).toArray(String[]::new));
        }
        headers.forEach((name, values) -> {
            // the JDK writes the handshake's own headers itself and refuses to be given them
            if (!name.toLowerCase(Locale.ROOT).startsWith("sec-websocket-")) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.buildAsync(uri, session.listener())
                .handle((webSocket, failure) -> {
                    if (failure != null) {
                        throw failure instanceof CompletionException completion ? completion
                                : new CompletionException(failure);
                    }
                    return session;
                });
    }
}
