package dev.switchboard.wamp.client.bench;

import dev.switchboard.wamp.codec.Serialization;
import dev.switchboard.wamp.codec.WampCodec;
import dev.switchboard.wamp.message.Error;
import dev.switchboard.wamp.message.Hello;
import dev.switchboard.wamp.message.HelloDetails;
import dev.switchboard.wamp.message.Invocation;
import dev.switchboard.wamp.message.Registered;
import dev.switchboard.wamp.message.Result;
import dev.switchboard.wamp.message.Roles;
import dev.switchboard.wamp.message.WampMessage;
import dev.switchboard.wamp.message.Welcome;
import dev.switchboard.wamp.message.Yield;
import dev.switchboard.wamp.message.YieldOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;

/**
 * The least a WAMP peer can do on the same transport (Spring's {@code StandardWebSocketClient} on Tomcat) and codec:
 * no state machine, no handler threads, no future hand-off. A call's future completes on the transport's thread; as
 * callee it answers every INVOCATION with YIELD of the same arguments right on the transport's thread. The floor
 * against which the client's own cost is measured.
 */
final class RawPeer implements WebSocketHandler {

    private final WampCodec codec;
    private final boolean binary;
    private final Map<Long, CompletableFuture<WampMessage>> pending = new ConcurrentHashMap<>();
    private final CompletableFuture<Welcome> welcome = new CompletableFuture<>();
    private volatile WebSocketSession session;

    private RawPeer(Serialization serialization) {
        this.codec = WampCodec.of(serialization);
        this.binary = serialization.binary();
    }

    static RawPeer connect(URI url, Serialization serialization) throws Exception {
        RawPeer peer = new RawPeer(serialization);
        WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
        headers.setSecWebSocketProtocol(List.of(serialization.subprotocol()));
        peer.session = new StandardWebSocketClient().execute(peer, headers, url).get(10, TimeUnit.SECONDS);
        peer.send(new Hello("realm1", new HelloDetails(Roles.of(Map.of(Roles.CALLER, Set.of(), Roles.CALLEE,
                Set.of())), List.of(), null, null, Map.of(), "raw", Map.of())));
        peer.welcome.get(10, TimeUnit.SECONDS);
        return peer;
    }

    /** Sends a request and returns its answer (REGISTERED, RESULT or ERROR). */
    CompletableFuture<WampMessage> request(long requestId, WampMessage request) {
        CompletableFuture<WampMessage> answer = new CompletableFuture<>();
        pending.put(requestId, answer);
        send(request);
        return answer;
    }

    void send(WampMessage message) {
        byte[] frame = codec.encode(message);
        try {
            synchronized (this) {
                session.sendMessage(binary ? new BinaryMessage(frame) : new TextMessage(frame));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void close() throws Exception {
        session.close();
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
    }

    @Override
    public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) {
        WampMessage decoded;
        if (message instanceof TextMessage text) {
            decoded = codec.decode(text.asBytes());
        } else {
            ByteBuffer bytes = ((BinaryMessage) message).getPayload();
            decoded = codec.decode(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        }
        switch (decoded) {
            case Welcome w -> welcome.complete(w);
            case Invocation i -> send(new Yield(i.requestId(), YieldOptions.DEFAULT, i.payload()));
            case Result r -> pending.remove(r.requestId()).complete(r);
            case Registered r -> pending.remove(r.requestId()).complete(r);
            case Error e -> pending.remove(e.requestId()).complete(e);
            default -> { }
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) {
    }

    @Override
    public boolean supportsPartialMessages() {
        return false;
    }
}
