package dev.switchboard.router.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.wamp.codec.Serialization;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input over WebSocket, through the real session layer; frames WebSocket itself forbids too. */
class WebSocketBadInputTests extends BadInputTests {

    /** The router's default limit, 1 MB. */
    private static final int MAX_LENGTH = 1 << 20;

    WebSocketBadInputTests() {
        super(Transport.WEBSOCKET);
    }

    @Test
    void aMessageOverTheLimitClosesTheConnectionWithMessageTooBig() {
        Bystanders bystanders = new Bystanders(Serialization.MSGPACK);
        TestClient offender = join(transport, Serialization.MSGPACK);

        // the header alone tells the message is too big
        offender.sendBytes(ByteBuffer.allocate(14).put((byte) (0x80 | WebSocketTestClient.BINARY))
                .put((byte) (0x80 | 127)).putLong(MAX_LENGTH + 1L).putInt(0x01020304).array());

        assertClosedForViolation(offender, TOO_BIG);
        bystanders.stillWork();
    }

    @Test
    void aTextMessageOnABinarySerializationIsAProtocolViolation() {
        Bystanders bystanders = new Bystanders(Serialization.CBOR);
        WebSocketTestClient offender = (WebSocketTestClient) join(transport, Serialization.CBOR);

        offender.sendWebSocketFrame(WebSocketTestClient.TEXT, true,
                "[16, 1, {}, \"com.example.topic\"]".getBytes(StandardCharsets.UTF_8));

        assertAbortedAndClosed(offender, "wamp.2.cbor does not allow text messages", PROTOCOL_ERROR);
        bystanders.stillWork();
    }

    @Test
    void aBinaryMessageOnJsonIsAProtocolViolation() {
        Bystanders bystanders = new Bystanders(Serialization.JSON);
        WebSocketTestClient offender = (WebSocketTestClient) join(transport, Serialization.JSON);

        offender.sendWebSocketFrame(WebSocketTestClient.BINARY, true,
                "[16, 1, {}, \"com.example.topic\"]".getBytes(StandardCharsets.UTF_8));

        assertAbortedAndClosed(offender, "wamp.2.json does not allow binary messages", PROTOCOL_ERROR);
        bystanders.stillWork();
    }

    @Test
    void aTextMessageThatIsNotUtf8ClosesTheConnection() {
        Bystanders bystanders = new Bystanders(Serialization.JSON);
        WebSocketTestClient offender = (WebSocketTestClient) join(transport, Serialization.JSON);

        offender.sendWebSocketFrame(WebSocketTestClient.TEXT, true,
                new byte[] {'[', '"', (byte) 0xC3, (byte) 0x28, '"', ']'});

        assertClosedForViolation(offender, PROTOCOL_ERROR, 1007);
        bystanders.stillWork();
    }

    @Test
    void anUnmaskedFrameClosesTheConnection() {
        Bystanders bystanders = new Bystanders(Serialization.MSGPACK);
        TestClient offender = join(transport, Serialization.MSGPACK);

        offender.sendBytes(WebSocketTestClient.frame(0x80 | WebSocketTestClient.BINARY, new byte[] {(byte) 0x91, 1},
                false));

        assertClosedForViolation(offender, PROTOCOL_ERROR);
        bystanders.stillWork();
    }

    @Test
    void aFrameWithAReservedOpcodeClosesTheConnection() {
        Bystanders bystanders = new Bystanders(Serialization.JSON);
        TestClient offender = join(transport, Serialization.JSON);

        offender.sendBytes(WebSocketTestClient.frame(0x80 | 0x3, new byte[] {1, 2, 3}, true));

        assertClosedForViolation(offender, PROTOCOL_ERROR);
        bystanders.stillWork();
    }

    static Stream<Arguments> incompleteHandshakes() {
        String key = "Sec-WebSocket-Key: " + WebSocketTestClient.newKey() + "\r\n";
        String upgrade = "Upgrade: websocket\r\n";
        String connection = "Connection: Upgrade\r\n";
        String version = "Sec-WebSocket-Version: 13\r\n";
        String subprotocol = "Sec-WebSocket-Protocol: wamp.2.json\r\n";
        return Stream.of(
                Arguments.of("no Connection: Upgrade", upgrade + "Connection: keep-alive\r\n" + key + version
                        + subprotocol, 400),
                Arguments.of("no key", upgrade + connection + version + subprotocol, 400),
                Arguments.of("no version", upgrade + connection + key + subprotocol, 426),
                Arguments.of("version 8", upgrade + connection + key + "Sec-WebSocket-Version: 8\r\n" + subprotocol,
                        426));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("incompleteHandshakes")
    void anIncompleteOpeningHandshakeIsRefusedBeforeTheResponseIsCommitted(String what, String headers,
                                                                           int status) throws IOException {
        try (ErrorLog errors = ErrorLog.capture();
             Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", endpoints().webSocketPort()), 5000);
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));

            Map<String, String> response = responseHead(socket.getInputStream());

            assertThat(response.get("status")).startsWith("HTTP/1.1 " + status);
            if (status == 426) {
                assertThat(response).containsEntry("sec-websocket-version", "13");
            }
            assertThat(errors.messages()).as("errors logged").isEmpty();
        }
    }

    /** The status line (as {@code status}) and the headers of an HTTP response, names in lower case. */
    private static Map<String, String> responseHead(InputStream in) throws IOException {
        Map<String, String> head = new LinkedHashMap<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.US_ASCII).strip();
                line.reset();
                if (text.isEmpty()) {
                    break;
                }
                int colon = text.indexOf(':');
                if (head.isEmpty()) {
                    head.put("status", text);
                } else if (colon > 0) {
                    head.put(text.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                            text.substring(colon + 1).strip());
                }
            } else {
                line.write(b);
            }
        }
        return head;
    }
}
