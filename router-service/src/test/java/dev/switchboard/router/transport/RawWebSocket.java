package dev.switchboard.router.transport;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A WebSocket client on a plain socket, for what well-behaved clients never do: offer odd subprotocols and read the
 * refusal, never answer a ping, never read at all.
 */
final class RawWebSocket implements AutoCloseable {

    /** The HTTP response to the upgrade request. */
    record Response(int status, Map<String, String> headers, String body) {
    }

    /** One WebSocket frame from the server. */
    record Frame(int opcode, byte[] payload) {
    }

    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /**
     * Opens a TCP connection (with the given receive buffer, 0 for the default) and sends an upgrade request with
     * the given {@code Sec-WebSocket-Protocol} header (none if {@code null}), or a plain GET when {@code upgrade} is
     * false.
     */
    static RawWebSocket request(int port, String path, @Nullable String subprotocols, boolean upgrade,
                                int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(5000);
        StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n");
        if (upgrade) {
            request.append("Upgrade: websocket\r\nConnection: Upgrade\r\n")
                    .append("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n");
        }
        if (subprotocols != null) {
            request.append("Sec-WebSocket-Protocol: ").append(subprotocols).append("\r\n");
        }
        request.append("\r\n");
        RawWebSocket client = new RawWebSocket(socket);
        client.out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
        client.out.flush();
        return client;
    }

    Response readResponse() throws IOException {
        String status = readLine();
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
        byte[] body = new byte[Integer.parseInt(headers.getOrDefault("content-length", "0"))];
        in.readFully(body);
        return new Response(Integer.parseInt(status.split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
    }

    /** The next frame, or {@code null} when the server closed the TCP connection. */
    @Nullable Frame readFrame() throws IOException {
        int first;
        try {
            first = in.read();
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException e) {
            return null; // reset by the server
        }
        if (first < 0) {
            return null;
        }
        int second = in.readUnsignedByte();
        long length = second & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        return new Frame(first & 0x0F, payload);
    }

    /** Sends one final, masked frame. */
    void sendFrame(int opcode, byte[] payload) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x80 | opcode);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else {
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length);
        }
        byte[] mask = {1, 2, 3, 4};
        frame.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i & 3]);
        }
        out.write(frame.toByteArray());
        out.flush();
    }

    /** Sends only the header of a final, masked frame announcing {@code length} payload octets. */
    void sendFrameHeader(int opcode, long length) throws IOException {
        DataOutputStream header = new DataOutputStream(out);
        header.write(0x80 | opcode);
        header.write(0x80 | 127);
        header.writeLong(length);
        header.write(new byte[] {1, 2, 3, 4});
        header.flush();
    }

    /**
     * Reads and drops frames, pings included, until the server ends the TCP stream, then closes the socket; false if
     * the stream stays open 5 s.
     */
    boolean awaitDisconnect() throws IOException {
        try {
            while (readFrame() != null) {
                // ignore
            }
            socket.close();
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (EOFException e) {
            socket.close();
            return true;
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new EOFException("connection closed inside the HTTP response");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
