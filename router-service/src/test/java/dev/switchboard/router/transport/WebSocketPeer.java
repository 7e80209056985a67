package dev.switchboard.router.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.wamp.codec.Serialization;
import dev.switchboard.wamp.codec.WampCodec;
import dev.switchboard.wamp.message.WampMessage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A WAMP client peer on the JDK's WebSocket client: sends raw or encoded messages and collects what arrives. */
final class WebSocketPeer implements WebSocket.Listener, AutoCloseable {

    /** One received WebSocket message. */
    record Frame(boolean binary, byte[] bytes) {

        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** A close frame received from the router. */
    record Close(int code, String reason) {
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final WebSocket socket;
    final WampCodec codec;
    private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Close> closed = new CompletableFuture<>();
    private final StringBuilder text = new StringBuilder();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

    private WebSocketPeer(int port, String path, Serialization serialization) throws Exception {
        this.codec = WampCodec.of(serialization);
        this.socket = HTTP.newWebSocketBuilder()
                .subprotocols(serialization.subprotocol())
                .header("X-Test-Header", "Hello")
                .buildAsync(URI.create("ws://127.0.0.1:" + port + path), this)
                .get(5, TimeUnit.SECONDS);
    }

    static WebSocketPeer connect(int port, Serialization serialization) throws Exception {
        return new WebSocketPeer(port, "/ws", serialization);
    }

    void send(WampMessage message) {
        byte[] encoded = codec.encode(message);
        if (codec.serialization().binary()) {
            sendBinary(encoded);
        } else {
            sendText(new String(encoded, StandardCharsets.UTF_8));
        }
    }

    void sendText(String message) {
        socket.sendText(message, true).join();
    }

    void sendBinary(byte[] message) {
        socket.sendBinary(ByteBuffer.wrap(message), true).join();
    }

    Frame nextFrame() throws InterruptedException {
        Frame frame = frames.poll(5, TimeUnit.SECONDS);
        assertThat(frame).as("a WebSocket message within 5 s").isNotNull();
        return frame;
    }

    /** The next message, checking it came in the frame type of the serialization. */
    WampMessage nextMessage() throws InterruptedException {
        Frame frame = nextFrame();
        assertThat(frame.binary()).as("binary frame").isEqualTo(codec.serialization().binary());
        return codec.decode(frame.bytes());
    }

    Close awaitClose() throws Exception {
        return closed.get(5, TimeUnit.SECONDS);
    }

    /** Waits up to 5 s for the connection to end, by a close frame or by a failure such as a reset. */
    void awaitEnd() throws Exception {
        closed.exceptionally(error -> null).get(5, TimeUnit.SECONDS);
    }

    boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            frames.add(new Frame(false, text.toString().getBytes(StandardCharsets.UTF_8)));
            text.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] chunk = new byte[data.remaining()];
        data.get(chunk);
        binary.writeBytes(chunk);
        if (last) {
            frames.add(new Frame(true, binary.toByteArray()));
            binary.reset();
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(new Close(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null);
        }
        // the router may have reset the connection already (e.g. after a violation): closing is then done
        closed.completeOnTimeout(null, 2, TimeUnit.SECONDS).handle((close, error) -> close).join();
        socket.abort();
    }

    @Override
    public String toString() {
        return "WebSocketPeer" + Arrays.asList(codec.serialization(), socket.getSubprotocol());
    }
}
