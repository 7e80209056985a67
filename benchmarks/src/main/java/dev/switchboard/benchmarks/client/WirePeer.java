package dev.switchboard.benchmarks.client;

import dev.switchboard.wamp.CloseUris;
import dev.switchboard.wamp.codec.Serialization;
import dev.switchboard.wamp.codec.WampCodec;
import dev.switchboard.wamp.message.Call;
import dev.switchboard.wamp.message.CallOptions;
import dev.switchboard.wamp.message.CloseDetails;
import dev.switchboard.wamp.message.Goodbye;
import dev.switchboard.wamp.message.Hello;
import dev.switchboard.wamp.message.HelloDetails;
import dev.switchboard.wamp.message.Invocation;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.Register;
import dev.switchboard.wamp.message.RegisterOptions;
import dev.switchboard.wamp.message.Registered;
import dev.switchboard.wamp.message.Result;
import dev.switchboard.wamp.message.Roles;
import dev.switchboard.wamp.message.WampMessage;
import dev.switchboard.wamp.message.Welcome;
import dev.switchboard.wamp.message.Yield;
import dev.switchboard.wamp.message.YieldOptions;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The baseline the Java client is measured against: the least a WAMP peer must do for a call, on the same transport
 * (the JDK's WebSocket) and codec as {@code WampClient}. It encodes and decodes every message but keeps nothing else:
 * no futures, no executor hand-off, no connection state machine, no options. It echoes invocations on the listener
 * thread and completes calls with a callback.
 */
final class WirePeer implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final WampCodec codec;
    private final Object sending = new Object();
    private final Map<Long, Runnable> pendingCalls = new ConcurrentHashMap<>();
    private final AtomicLong requestIds = new AtomicLong();
    private final CompletableFuture<WampMessage> handshake = new CompletableFuture<>();
    private final CompletableFuture<Registered> registered = new CompletableFuture<>();
    private final WebSocket webSocket;

    private WirePeer(URI url, Serialization serialization) {
        this.codec = WampCodec.of(serialization);
        this.webSocket = HTTP.newWebSocketBuilder().subprotocols(serialization.subprotocol())
                .buildAsync(url, new Listener()).join();
    }

    /** A peer joined to {@code realm} as caller and callee. */
    static WirePeer join(URI url, String realm, Serialization serialization) throws Exception {
        WirePeer peer = new WirePeer(url, serialization);
        peer.send(new Hello(realm, new HelloDetails(
                Roles.of(Map.of(Roles.CALLER, Set.of(), Roles.CALLEE, Set.of())),
                List.of(), null, null, Map.of(), "switchboard-wire-peer", Map.of())));
        WampMessage answer = peer.handshake.get(10, TimeUnit.SECONDS);
        if (!(answer instanceof Welcome)) {
            throw new IllegalStateException("not welcomed: " + answer);
        }
        return peer;
    }

    /** Registers {@code procedure}; every invocation is answered at once with its own arguments. */
    void registerEcho(String procedure) throws Exception {
        send(new Register(requestIds.incrementAndGet(), RegisterOptions.DEFAULT, procedure));
        registered.get(10, TimeUnit.SECONDS);
    }

    /** Calls {@code procedure} with {@code arguments}; {@code onResult} runs on the listener thread. */
    void call(String procedure, Payload.Arguments arguments, Runnable onResult) {
        long requestId = requestIds.incrementAndGet();
        pendingCalls.put(requestId, onResult);
        send(new Call(requestId, CallOptions.DEFAULT, procedure, arguments));
    }

    private void send(WampMessage message) {
        byte[] frame = codec.encode(message);
        synchronized (sending) {
            if (codec.serialization().binary()) {
                webSocket.sendBinary(ByteBuffer.wrap(frame), true).join();
            } else {
                webSocket.sendText(new String(frame, StandardCharsets.UTF_8), true).join();
            }
        }
    }

    private void receive(byte[] frame) {
        switch (codec.decode(frame)) {
            case Invocation invocation -> send(new Yield(invocation.requestId(), YieldOptions.DEFAULT,
                    invocation.payload()));
            case Result result -> {
                Runnable onResult = pendingCalls.remove(result.requestId());
                if (onResult != null) {
                    onResult.run();
                }
            }
            case Registered done -> registered.complete(done);
            case Welcome welcome -> handshake.complete(welcome);
            case WampMessage other -> {
                handshake.complete(other);
                if (!(other instanceof Goodbye)) {
                    System.err.println("wire peer: unexpected " + other);
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            send(new Goodbye(CloseDetails.DEFAULT, CloseUris.CLOSE_REALM));
            webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            webSocket.abort();
        }
    }

    private final class Listener implements WebSocket.Listener {

        private final ByteArrayOutputStream parts = new ByteArrayOutputStream();

        @Override
        public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            deliver(bytes, last);
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            deliver(data.toString().getBytes(StandardCharsets.UTF_8), last);
            socket.request(1);
            return null;
        }

        private void deliver(byte[] bytes, boolean last) {
            if (last && parts.size() == 0) {
                receive(bytes);
                return;
            }
            parts.writeBytes(bytes);
            if (last) {
                byte[] frame = parts.toByteArray();
                parts.reset();
                receive(frame);
            }
        }
    }
}
