package dev.switchboard.router.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.wamp.codec.Serialization;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.SocketFactory;

/**
 * A {@link TestClient} over WebSocket (RFC 6455) with the WAMP subprotocol of its serialization: one WAMP message
 * per WebSocket message, text for JSON, binary otherwise. Answers pings (unless told not to) and the router's close
 * frame.
 */
final class WebSocketTestClient extends TestClient {

    static final int CONTINUATION = 0x0;
    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    static final int PONG = 0xA;

    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final DataInputStream in;

    private WebSocketTestClient(Socket socket, Serialization serialization) throws IOException {
        super(socket, serialization);
        this.in = new DataInputStream(socket.getInputStream());
    }

    /** Connects to {@code /ws} and upgrades, offering only the subprotocol of {@code serialization}. */
    static WebSocketTestClient connect(int port, Serialization serialization) {
        return connect(port, serialization, SocketFactory.getDefault());
    }

    /** Connects through sockets of {@code sockets} (e.g. TLS sockets: {@code wss://}). */
    static WebSocketTestClient connect(int port, Serialization serialization, SocketFactory sockets) {
        try {
            Socket socket = sockets.createSocket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) TIMEOUT.toMillis());
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            socket.setTcpNoDelay(true);
            WebSocketTestClient client = new WebSocketTestClient(socket, serialization);
            client.upgrade(port);
            client.startReading();
            return client;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The upgrade request of a WAMP client (basic profile, "WebSocket Transport"). */
    static byte[] upgradeRequest(int port, String key, Serialization serialization) {
        return ("GET /ws HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + port + "\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Protocol: " + serialization.subprotocol() + "\r\n"
                + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    static String newKey() {
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        return Base64.getEncoder().encodeToString(nonce);
    }

    private void upgrade(int port) throws IOException {
        String key = newKey();
        write(upgradeRequest(port, key, serialization));
        String status = readLine();
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
        assertThat(status).as("the upgrade response").startsWith("HTTP/1.1 101");
        assertThat(headers).containsEntry("sec-websocket-protocol", serialization.subprotocol())
                .containsEntry("sec-websocket-accept", accept(key));
    }

    private static String accept(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the connection ended inside the upgrade response");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    void readFrames() throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        int messageOpcode = -1;
        while (true) {
            awaitReading();
            int first = in.read();
            if (first < 0) {
                closed(Closed.NO_CLOSE_FRAME, "end of stream without a close frame");
                return;
            }
            boolean fin = (first & 0x80) != 0;
            int opcode = first & 0x0F;
            int second = in.readUnsignedByte();
            long length = second & 0x7F;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            if ((second & 0x80) != 0) {
                garbage("a masked frame from the server");
            }
            byte[] payload = new byte[Math.toIntExact(length)];
            in.readFully(payload);
            switch (opcode) {
                case TEXT, BINARY, CONTINUATION -> {
                    if (opcode != CONTINUATION) {
                        messageOpcode = opcode;
                        message.reset();
                    }
                    message.writeBytes(payload);
                    if (fin) {
                        deliver(messageOpcode, message.toByteArray());
                    }
                }
                case PING -> {
                    if (answeringPings()) {
                        sendWebSocketFrame(PONG, true, payload);
                    }
                }
                case PONG -> { }
                case CLOSE -> {
                    int code = payload.length >= 2 ? (payload[0] & 0xFF) << 8 | payload[1] & 0xFF : 1005;
                    String reason = payload.length > 2
                            ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
                    try {
                        sendWebSocketFrame(CLOSE, true, payload.length >= 2 ? new byte[] {payload[0], payload[1]}
                                : new byte[0]);
                    } catch (UncheckedIOException e) {
                        // the router may have gone already
                    }
                    closed(code, reason);
                    close();
                    return;
                }
                default -> garbage("WebSocket frame with opcode " + opcode);
            }
        }
    }

    private void deliver(int opcode, byte[] message) {
        boolean binary = opcode == BINARY;
        if (binary != serialization.binary()) {
            garbage((binary ? "binary" : "text") + " message on " + serialization.subprotocol());
        } else {
            received(message);
        }
    }

    @Override
    void sendFrame(byte[] payload) {
        sendWebSocketFrame(serialization.binary() ? BINARY : TEXT, true, payload);
    }

    /** Sends one masked frame, as a client must. */
    void sendWebSocketFrame(int opcode, boolean fin, byte[] payload) {
        write(frame((fin ? 0x80 : 0) | opcode, payload, true));
    }

    /** One frame: {@code first} is the first octet (FIN, RSV bits, opcode). */
    static byte[] frame(int first, byte[] payload, boolean masked) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
        frame.write(first);
        int mask = masked ? 0x80 : 0;
        if (payload.length < 126) {
            frame.write(mask | payload.length);
        } else if (payload.length <= 0xFFFF) {
            frame.write(mask | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length);
        } else {
            frame.write(mask | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((long) payload.length >>> shift));
            }
        }
        if (!masked) {
            frame.writeBytes(payload);
            return frame.toByteArray();
        }
        byte[] key = new byte[4];
        ThreadLocalRandom.current().nextBytes(key);
        frame.writeBytes(key);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ key[i & 3]);
        }
        return frame.toByteArray();
    }

    @Override
    void sendBytes(byte[] bytes) {
        write(bytes);
    }

    @Override
    String transport() {
        return "websocket";
    }
}
