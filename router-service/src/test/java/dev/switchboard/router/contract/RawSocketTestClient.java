package dev.switchboard.router.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.wamp.codec.Serialization;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import javax.net.SocketFactory;

/**
 * A {@link TestClient} over RawSocket (advanced profile, "RawSocket Transport"): the 4-octet handshake, then frames
 * of a 4-octet prefix (type and length) and the payload. Answers the router's PINGs, unless told not to.
 */
final class RawSocketTestClient extends TestClient {

    static final int MESSAGE = 0;
    static final int PING = 1;
    static final int PONG = 2;

    /** The handshake's LENGTH for the largest maximum, 2^24 octets. */
    static final int LARGEST = 15;

    private final DataInputStream in;

    private RawSocketTestClient(Socket socket, Serialization serialization) throws IOException {
        super(socket, serialization);
        this.in = new DataInputStream(socket.getInputStream());
    }

    /** Connects and completes the handshake, announcing the largest maximum message length. */
    static RawSocketTestClient connect(int port, Serialization serialization) {
        return connect(port, serialization, SocketFactory.getDefault());
    }

    /** Connects through sockets of {@code sockets} (e.g. TLS sockets). */
    static RawSocketTestClient connect(int port, Serialization serialization, SocketFactory sockets) {
        try {
            Socket socket = sockets.createSocket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) TIMEOUT.toMillis());
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            socket.setTcpNoDelay(true);
            RawSocketTestClient client = new RawSocketTestClient(socket, serialization);
            int reply = client.handshake(LARGEST << 4 | serialization.rawSocketId());
            assertThat(reply >>> 24).as("the reply's magic octet").isEqualTo(0x7F);
            assertThat(reply >>> 16 & 0x0F).as("the serializer in the reply (0: an error)")
                    .isEqualTo(serialization.rawSocketId());
            client.startReading();
            return client;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int handshake(int second) throws IOException {
        write(new byte[] {0x7F, (byte) second, 0, 0});
        return in.readInt();
    }

    @Override
    void readFrames() throws IOException {
        while (true) {
            awaitReading();
            int prefix;
            try {
                prefix = in.readInt();
            } catch (EOFException e) {
                closed(Closed.NO_CLOSE_FRAME, "end of stream");
                return;
            }
            int type = prefix >>> 24 & 0x07;
            int length = (prefix & 0x08000000) != 0 ? 1 << 24 : prefix & 0xFFFFFF;
            byte[] payload = new byte[length];
            in.readFully(payload);
            switch (type) {
                case MESSAGE -> received(payload);
                case PING -> {
                    if (answeringPings()) {
                        sendRawSocketFrame(PONG, payload);
                    }
                }
                case PONG -> { }
                default -> garbage("RawSocket frame of reserved type " + type);
            }
        }
    }

    @Override
    void sendFrame(byte[] payload) {
        sendRawSocketFrame(MESSAGE, payload);
    }

    /** Sends one frame of {@code type} with {@code payload}. */
    void sendRawSocketFrame(int type, byte[] payload) {
        write(ByteBuffer.allocate(4 + payload.length).putInt(type << 24 | payload.length).put(payload).array());
    }

    @Override
    void sendBytes(byte[] bytes) {
        write(bytes);
    }

    @Override
    String transport() {
        return "rawsocket";
    }
}
