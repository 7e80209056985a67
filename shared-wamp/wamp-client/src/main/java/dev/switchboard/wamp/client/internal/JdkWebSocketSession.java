package dev.switchboard.wamp.client.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketExtension;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.adapter.AbstractWebSocketSession;

/**
 * A Spring {@code WebSocketSession} over a JDK {@link WebSocket}: sends block until the JDK has written the message
 * (one at a time), received fragments are joined into whole messages, and the handler hears of the end exactly once,
 * however it comes (a Close from the peer, an error, or a Close of ours the peer does not answer in time).
 */
final class JdkWebSocketSession extends AbstractWebSocketSession<WebSocket> {

    private final String id = idGenerator.generateId().toString();
    private final URI uri;
    private final HttpHeaders handshakeHeaders;
    private final WebSocketHandler handler;
    private final Duration closeTimeout;
    private final AtomicBoolean closedReported = new AtomicBoolean();
    private final Object sending = new Object();
    private volatile int textLimit;
    private volatile int binaryLimit;

    JdkWebSocketSession(Map<String, Object> attributes, URI uri, HttpHeaders handshakeHeaders,
                        WebSocketHandler handler, int maxMessageSize, Duration closeTimeout) {
        super(attributes);
        this.uri = uri;
        this.handshakeHeaders = handshakeHeaders;
        this.handler = handler;
        this.closeTimeout = closeTimeout;
        this.textLimit = maxMessageSize;
        this.binaryLimit = maxMessageSize;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public URI getUri() {
        return uri;
    }

    @Override
    public HttpHeaders getHandshakeHeaders() {
        return handshakeHeaders;
    }

    @Override
    public @Nullable Principal getPrincipal() {
        return null;
    }

    @Override
    public @Nullable InetSocketAddress getLocalAddress() {
        return null;
    }

    @Override
    public @Nullable InetSocketAddress getRemoteAddress() {
        return null;
    }

    @Override
    public @Nullable String getAcceptedProtocol() {
        String protocol = getNativeSession().getSubprotocol();
        return protocol == null || protocol.isEmpty() ? null : protocol;
    }

    @Override
    public void setTextMessageSizeLimit(int limit) {
        textLimit = limit;
    }

    @Override
    public int getTextMessageSizeLimit() {
        return textLimit;
    }

    @Override
    public void setBinaryMessageSizeLimit(int limit) {
        binaryLimit = limit;
    }

    @Override
    public int getBinaryMessageSizeLimit() {
        return binaryLimit;
    }

    @Override
    public List<WebSocketExtension> getExtensions() {
        return List.of();
    }

    @Override
    public boolean isOpen() {
        WebSocket webSocket = getNativeSession();
        return webSocket != null && !webSocket.isOutputClosed() && !closedReported.get();
    }

    @Override
    protected void sendTextMessage(TextMessage message) throws IOException {
        send(getNativeSession().sendText(message.getPayload(), message.isLast()));
    }

    @Override
    protected void sendBinaryMessage(BinaryMessage message) throws IOException {
        send(getNativeSession().sendBinary(message.getPayload(), message.isLast()));
    }

    @Override
    protected void sendPingMessage(PingMessage message) throws IOException {
        send(getNativeSession().sendPing(message.getPayload()));
    }

    @Override
    protected void sendPongMessage(PongMessage message) throws IOException {
        send(getNativeSession().sendPong(message.getPayload()));
    }

    /** Waits until the JDK has written the message; the JDK takes one outstanding send of a kind at a time. */
    private void send(CompletableFuture<WebSocket> sent) throws IOException {
        synchronized (sending) {
            try {
                sent.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while sending", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            }
        }
    }

    @Override
    protected void closeInternal(CloseStatus status) {
        WebSocket webSocket = getNativeSession();
        if (!webSocket.isOutputClosed()) {
            webSocket.sendClose(status.getCode(), status.getReason() == null ? "" : status.getReason());
        }
        // the peer answers with its Close (onClose); one that does not is cut off
        CompletableFuture.delayedExecutor(closeTimeout.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            if (!closedReported.get()) {
                webSocket.abort();
                reportClosed(status);
            }
        });
    }

    private void reportClosed(CloseStatus status) {
        if (closedReported.compareAndSet(false, true)) {
            try {
                handler.afterConnectionClosed(this, status);
            } catch (Exception e) {
                logger.warn("The WebSocket handler failed on close", e);
            }
        }
    }

    /** The JDK listener that feeds this session's handler. */
    WebSocket.Listener listener() {
        return new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();
            private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

            @Override
            public void onOpen(WebSocket webSocket) {
                initializeNativeSession(webSocket);
                try {
                    handler.afterConnectionEstablished(JdkWebSocketSession.this);
                } catch (Exception e) {
                    fail(webSocket, e);
                    return;
                }
                webSocket.request(1);
            }

            @Override
            public @Nullable CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                text.append(data);
                if (text.length() > textLimit) {
                    tooBig(webSocket, text.length(), textLimit);
                    return null;
                }
                if (last) {
                    String message = text.toString();
                    text.setLength(0);
                    handle(webSocket, new TextMessage(message));
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public @Nullable CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
                byte[] bytes = new byte[data.remaining()];
                data.get(bytes);
                binary.writeBytes(bytes);
                if (binary.size() > binaryLimit) {
                    tooBig(webSocket, binary.size(), binaryLimit);
                    return null;
                }
                if (last) {
                    byte[] message = binary.toByteArray();
                    binary.reset();
                    handle(webSocket, new BinaryMessage(message));
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public @Nullable CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
                handle(webSocket, new PongMessage(message));
                webSocket.request(1);
                return null;
            }

            @Override
            public @Nullable CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                reportClosed(new CloseStatus(statusCode, reason));
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                fail(webSocket, error);
            }

            private void handle(WebSocket webSocket, org.springframework.web.socket.WebSocketMessage<?> message) {
                try {
                    handler.handleMessage(JdkWebSocketSession.this, message);
                } catch (Exception e) {
                    fail(webSocket, e);
                }
            }

            private void tooBig(WebSocket webSocket, int size, int limit) {
                text.setLength(0);
                binary.reset();
                CloseStatus status = CloseStatus.TOO_BIG_TO_PROCESS.withReason(
                        "message of more than " + limit + " bytes (" + size + " so far)");
                webSocket.sendClose(status.getCode(), status.getReason());
                webSocket.abort();
                reportClosed(status);
            }

            private void fail(WebSocket webSocket, Throwable error) {
                if (!closedReported.get()) {
                    try {
                        handler.handleTransportError(JdkWebSocketSession.this, error);
                    } catch (Exception e) {
                        logger.warn("The WebSocket handler failed on a transport error", e);
                    }
                }
                webSocket.abort();
                reportClosed(CloseStatus.SERVER_ERROR);
            }
        };
    }
}
