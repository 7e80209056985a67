package dev.switchboard.wamp.client.internal;

import dev.switchboard.wamp.ProtocolViolationException;
import dev.switchboard.wamp.client.NotConnectedException;
import dev.switchboard.wamp.codec.MessageNames;
import dev.switchboard.wamp.codec.WampCodec;
import dev.switchboard.wamp.message.WampMessage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/**
 * One WebSocket connection (basic profile, "WebSocket Transport"): one WAMP message per WebSocket message, text for
 * {@code wamp.2.json}, binary for MessagePack and CBOR. Writes go through a {@link ConcurrentWebSocketSessionDecorator}
 * (a Spring {@code WebSocketSession} must never be written from two threads at once) with a send-time and buffer
 * limit; exceeding either closes the connection. Pings the router and drops a connection whose pong is overdue.
 */
final class WebSocketTransport implements WebSocketHandler, Transport {

    private static final Log log = LogFactory.getLog(WebSocketTransport.class);
    private static final int MAX_CLOSE_REASON_BYTES = 123;

    private final ClientConfig config;
    private final TransportListener listener;
    private final WampCodec codec;
    private final boolean binary;
    private final AtomicBoolean closedReported = new AtomicBoolean();
    private volatile @Nullable WebSocketSession session;
    private volatile @Nullable Throwable failure;
    private volatile @Nullable ScheduledFuture<?> pings;
    /** The number of the ping whose pong is awaited; 0 when none is. */
    private volatile long awaitedPong;
    private long pingsSent;

    WebSocketTransport(ClientConfig config, TransportListener listener) {
        this.config = config;
        this.listener = listener;
        this.codec = WampCodec.of(config.serialization());
        this.binary = config.serialization().binary();
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession webSocket) {
        String wanted = config.serialization().subprotocol();
        if (!wanted.equals(webSocket.getAcceptedProtocol())) {
            failure = new NotConnectedException("the router did not accept the subprotocol " + wanted
                    + " (it answered " + webSocket.getAcceptedProtocol() + ")");
            closeQuietly(webSocket, CloseStatus.PROTOCOL_ERROR);
            return;
        }
        session = new ConcurrentWebSocketSessionDecorator(webSocket, (int) config.sendTimeLimit().toMillis(),
                config.sendBufferLimit(), ConcurrentWebSocketSessionDecorator.OverflowStrategy.TERMINATE);
        startPings();
        listener.onOpen(this);
    }

    @Override
    public void handleMessage(WebSocketSession webSocket, WebSocketMessage<?> message) {
        try {
            switch (message) {
                case PongMessage pong -> awaitedPong = 0;
                case TextMessage text when !binary -> deliver(text.asBytes());
                case BinaryMessage bytes when binary -> deliver(bytes.getPayload());
                default -> listener.onProtocolViolation(new ProtocolViolationException(
                        config.serialization().subprotocol() + " does not allow "
                                + (message instanceof TextMessage ? "text" : "binary") + " messages"));
            }
        } catch (RuntimeException bug) {
            log.error("Failed to handle a message from " + config.url() + "; closing the connection", bug);
            failure = bug;
            close("client error");
        }
    }

    private void deliver(ByteBuffer payload) {
        if (payload.hasArray()) {
            deliver(payload.array(), payload.arrayOffset() + payload.position(), payload.remaining());
        } else {
            byte[] copy = new byte[payload.remaining()];
            payload.get(copy);
            deliver(copy);
        }
    }

    private void deliver(byte[] frame) {
        deliver(frame, 0, frame.length);
    }

    private void deliver(byte[] frame, int offset, int length) {
        WampMessage decoded;
        try {
            decoded = codec.decode(frame, offset, length);
        } catch (ProtocolViolationException violation) {
            listener.onProtocolViolation(violation);
            return;
        }
        listener.onMessage(decoded);
    }

    @Override
    public void handleTransportError(WebSocketSession webSocket, Throwable error) {
        failure = error;
        closeQuietly(webSocket, CloseStatus.SERVER_ERROR);
    }

    @Override
    public void afterConnectionClosed(WebSocketSession webSocket, CloseStatus status) {
        Throwable cause = failure;
        reportClosed(cause != null ? cause
                : new NotConnectedException("the connection to " + config.url() + " closed (" + status + ")"));
    }

    @Override
    public boolean supportsPartialMessages() {
        return false;
    }

    /** The connection could not be opened. */
    void openFailed(Throwable cause) {
        reportClosed(cause);
    }

    private void reportClosed(Throwable cause) {
        ScheduledFuture<?> timer = pings;
        if (timer != null) {
            timer.cancel(false);
        }
        if (closedReported.compareAndSet(false, true)) {
            listener.onClosed(cause);
        }
    }

    @Override
    public void send(WampMessage message) {
        WebSocketSession open = session;
        if (open == null || !open.isOpen()) {
            throw new NotConnectedException("the connection to " + config.url() + " is closed");
        }
        byte[] frame = codec.encode(message); // a value no format can write fails this send only
        try {
            open.sendMessage(binary ? new BinaryMessage(frame) : new TextMessage(frame));
        } catch (Exception e) {
            failure = e;
            closeQuietly(open, CloseStatus.SESSION_NOT_RELIABLE);
            throw new NotConnectedException(
                    "could not send " + MessageNames.of(message.type()) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close(String reason) {
        WebSocketSession open = session;
        if (open == null) {
            return; // not open yet: the connect attempt ends on its own (timeout) and reports onClosed
        }
        closeQuietly(open, CloseStatus.NORMAL.withReason(truncate(reason)));
    }

    private void startPings() {
        long interval = config.pingInterval().toNanos();
        if (interval > 0) {
            pings = ClientThreads.TIMER.scheduleAtFixedRate(this::ping, interval, interval, TimeUnit.NANOSECONDS);
        }
    }

    /** On the timer thread: a ping goes out unless one is unanswered; the write happens on another thread. */
    private void ping() {
        WebSocketSession open = session;
        if (open == null || awaitedPong != 0) {
            return;
        }
        long number = ++pingsSent;
        awaitedPong = number;
        ClientThreads.CALLBACKS.execute(() -> {
            try {
                open.sendMessage(new PingMessage(ByteBuffer.allocate(Long.BYTES).putLong(0, number)));
            } catch (Exception e) {
                failure = e;
                closeQuietly(open, CloseStatus.SESSION_NOT_RELIABLE);
            }
        });
        ClientThreads.TIMER.schedule(() -> pongOverdue(open, number), config.pingTimeout().toNanos(),
                TimeUnit.NANOSECONDS);
    }

    private void pongOverdue(WebSocketSession open, long number) {
        if (awaitedPong == number) {
            failure = new NotConnectedException("the router did not answer a ping within " + config.pingTimeout());
            ClientThreads.CALLBACKS.execute(() -> closeQuietly(open, CloseStatus.SESSION_NOT_RELIABLE));
        }
    }

    private static void closeQuietly(WebSocketSession webSocket, CloseStatus status) {
        try {
            webSocket.close(status);
        } catch (Exception e) {
            log.debug("Closing " + webSocket.getId() + " failed", e);
        }
    }

    private static String truncate(String reason) {
        byte[] bytes = reason.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_CLOSE_REASON_BYTES) {
            return reason;
        }
        return new String(bytes, 0, MAX_CLOSE_REASON_BYTES, StandardCharsets.UTF_8).replace("\uFFFD", "");
    }
}
