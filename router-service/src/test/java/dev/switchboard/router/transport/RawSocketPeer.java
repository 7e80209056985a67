package dev.switchboard.router.transport;

import dev.switchboard.wamp.codec.Serialization;
import dev.switchboard.wamp.codec.WampCodec;
import dev.switchboard.wamp.message.WampMessage;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import org.jspecify.annotations.Nullable;

/** A RawSocket client on a plain socket: handshake octets and frames by hand. */
final class RawSocketPeer implements AutoCloseable {

    /** One frame from the router. */
    record Frame(int type, byte[] payload) {
    }

    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;
    private @Nullable WampCodec codec;

    private RawSocketPeer(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = new DataOutputStream(socket.getOutputStream());
    }

    static RawSocketPeer connect(int port) throws IOException {
        return connect(port, 0);
    }

    /** Connects with the given receive buffer size (0 for the default). */
    static RawSocketPeer connect(int port, int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(5000);
        return new RawSocketPeer(socket);
    }

    /** Sends the 4 handshake octets {@code 0x7F, second, third, fourth} and returns the router's reply. */
    int handshake(int second, int third, int fourth) throws IOException {
        out.write(new byte[] {0x7F, (byte) second, (byte) third, (byte) fourth});
        out.flush();
        return in.readInt();
    }

    /** A successful handshake for {@code serialization}, announcing a maximum length of 2^(9+{@code exponent}). */
    int handshake(Serialization serialization, int exponent) throws IOException {
        codec = WampCodec.of(serialization);
        return handshake(exponent << 4 | serialization.rawSocketId(), 0, 0);
    }

    void send(WampMessage message) throws IOException {
        sendFrame(RawSocketFraming.MESSAGE, codec().encode(message));
    }

    void sendFrame(int type, byte[] payload) throws IOException {
        out.writeInt(type << 24 | payload.length);
        out.write(payload);
        out.flush();
    }

    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    Frame nextFrame() throws IOException {
        int prefix = in.readInt();
        int length = (prefix & 0x08000000) != 0 ? 1 << 24 : prefix & 0xFFFFFF;
        byte[] payload = new byte[length];
        in.readFully(payload);
        return new Frame(prefix >>> 24 & 0x07, payload);
    }

    /** The next WAMP message, skipping the router's pings. */
    WampMessage nextMessage() throws IOException {
        for (;;) {
            Frame frame = nextFrame();
            if (frame.type() == RawSocketFraming.MESSAGE) {
                return codec().decode(frame.payload());
            }
        }
    }

    /**
     * Reads and drops everything until the router ends the stream, then closes the socket as a client does; false if
     * the stream stays open 5 s.
     */
    boolean awaitDisconnect() throws IOException {
        try {
            byte[] sink = new byte[8192];
            while (in.read(sink) >= 0) {
                // drop
            }
            socket.close();
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (EOFException | SocketException e) {
            socket.close();
            return true;
        }
    }

    private WampCodec codec() {
        if (codec == null) {
            throw new IllegalStateException("no handshake yet");
        }
        return codec;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
