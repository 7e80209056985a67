package dev.switchboard.router.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.router.session.TransportInfo;
import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.codec.Serialization;
import dev.switchboard.wamp.message.Abort;
import dev.switchboard.wamp.message.Event;
import dev.switchboard.wamp.message.EventDetails;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.Publish;
import dev.switchboard.wamp.message.PublishOptions;
import dev.switchboard.wamp.message.WampMessage;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The WebSocket transport on the real WebFlux server, driven by the JDK's WebSocket client and by raw sockets. */
@SpringBootTest(classes = TransportTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "switchboard.router.transport.max-message-size=64KB",
                "switchboard.router.transport.outbound-queue-capacity=8192",
                "switchboard.router.transport.close-timeout=1s",
                "switchboard.router.transport.rawsocket.port=0"})
class WebSocketTransportTests {

    static final Publish PUBLISH =
            new Publish(1, PublishOptions.DEFAULT, "com.example.topic", Payload.of("hello", 42L));

    @LocalServerPort
    int port;

    @Autowired
    RecordingAcceptor sessions;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void forgetEarlierConnections() {
        sessions.forget();
    }

    @AfterEach
    void noConnectionLeftUnchecked() {
        assertThat(sessions.noneWaiting()).as("connections no test looked at").isTrue();
    }

    static Event event(long subscription, long publication, Object... args) {
        return new Event(subscription, publication, EventDetails.DEFAULT, Payload.of(args));
    }

    @ParameterizedTest
    @EnumSource(Serialization.class)
    void deliversDecodedMessagesAndSendsEncodedMessagesInTheFrameTypeOfTheSerialization(Serialization serialization)
            throws Exception {
        try (WebSocketPeer peer = WebSocketPeer.connect(port, serialization)) {
            RecordingHandler handler = sessions.next();
            assertThat(peer.socket.getSubprotocol()).isEqualTo(serialization.subprotocol());

            peer.send(PUBLISH);
            assertThat(handler.nextMessage()).isEqualTo(PUBLISH);

            Event event = event(7, 8, "world", 1.5, List.of(1L, 2L), new byte[] {1, 2, 3});
            assertThat(handler.connection.send(event)).isTrue();
            WebSocketPeer.Frame frame = peer.nextFrame();
            assertThat(frame.binary()).isEqualTo(serialization.binary());
            assertThat(peer.codec.decode(frame.bytes())).usingRecursiveComparison().isEqualTo(event);

            peer.close();
            handler.awaitClosed();
        }
    }

    @Test
    void describesTheConnectionInItsTransportInfo() throws Exception {
        try (WebSocketPeer peer = WebSocketPeer.connect(port, Serialization.MSGPACK)) {
            RecordingHandler handler = sessions.next();
            TransportInfo info = handler.connection.info();

            assertThat(info.type()).isEqualTo("websocket");
            assertThat(info.serialization()).isEqualTo(Serialization.MSGPACK);
            assertThat(info.peer()).matches("tcp4:127\\.0\\.0\\.1:\\d+");
            assertThat(info.http()).containsEntry("x-test-header", "Hello")
                    .containsEntry("sec-websocket-protocol", "wamp.2.msgpack")
                    .containsKey("host");
            assertThat(info.secure()).isFalse();
            peer.close();
            handler.awaitClosed();
        }
    }

    @Test
    void refusesAnUpgradeWithoutSubprotocolBeforeUpgrading() throws Exception {
        try (RawWebSocket client = RawWebSocket.request(port, "/ws", null, true, 0)) {
            RawWebSocket.Response response = client.readResponse();

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body()).contains("No supported WebSocket subprotocol offered (none)")
                    .contains("wamp.2.json, wamp.2.msgpack, wamp.2.cbor");
        }
        assertThat(sessions.noneWaiting()).isTrue();
    }

    @Test
    void refusesAnUpgradeWithOnlyUnknownSubprotocols() throws Exception {
        try (RawWebSocket client = RawWebSocket.request(port, "/ws", "wamp.2.ubjson, mqtt", true, 0)) {
            RawWebSocket.Response response = client.readResponse();

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body()).contains("(wamp.2.ubjson, mqtt)")
                    .contains("this router speaks wamp.2.json, wamp.2.msgpack, wamp.2.cbor");
        }
        assertThat(sessions.noneWaiting()).isTrue();
    }

    @Test
    void answersAPlainHttpRequestWithUpgradeRequired() throws Exception {
        try (RawWebSocket client = RawWebSocket.request(port, "/ws", null, false, 0)) {
            RawWebSocket.Response response = client.readResponse();

            assertThat(response.status()).isEqualTo(426);
            assertThat(response.headers()).containsEntry("upgrade", "websocket");
            assertThat(response.body()).contains("wamp.2.json");
        }
    }

    @Test
    void picksTheFirstSupportedSubprotocolTheClientOffers() throws Exception {
        try (RawWebSocket client = RawWebSocket.request(port, "/ws", "mqtt, wamp.2.cbor, wamp.2.json", true, 0)) {
            RawWebSocket.Response response = client.readResponse();

            assertThat(response.status()).isEqualTo(101);
            assertThat(response.headers()).containsEntry("sec-websocket-protocol", "wamp.2.cbor");
            RecordingHandler handler = sessions.next();
            assertThat(handler.connection.info().serialization()).isEqualTo(Serialization.CBOR);
            client.close();
            handler.awaitClosed();
        }
    }

    @Test
    void aFrameOverTheLimitIsRefusedWith1009AsSoonAsItsHeaderArrives() throws Exception {
        try (RawWebSocket client = RawWebSocket.request(port, "/ws", "wamp.2.msgpack", true, 0)) {
            assertThat(client.readResponse().status()).isEqualTo(101);
            RecordingHandler handler = sessions.next();
            double violations = violations("websocket");

            client.sendFrameHeader(RawWebSocket.BINARY, 64 * 1024 + 1);

            RawWebSocket.Frame close = client.readFrame();
            assertThat(close).isNotNull();
            assertThat(close.opcode()).isEqualTo(RawWebSocket.CLOSE);
            assertThat((close.payload()[0] & 0xFF) << 8 | close.payload()[1] & 0xFF).isEqualTo(1009);
            assertThat(new String(close.payload(), 2, close.payload().length - 2, StandardCharsets.UTF_8))
                    .contains("65536");
            assertThat(client.awaitDisconnect()).isTrue();
            handler.awaitClosed();
            assertThat(violations("websocket")).isEqualTo(violations + 1);
        }
    }

    @Test
    void aMessageOverTheLimitClosesOnlyItsOwnConnection() throws Exception {
        try (WebSocketPeer bystander = WebSocketPeer.connect(port, Serialization.JSON);
             WebSocketPeer offender = WebSocketPeer.connect(port, Serialization.MSGPACK)) {
            RecordingHandler bystanderHandler = sessions.next();
            RecordingHandler offenderHandler = sessions.next();

            // the router closes while the frame is still coming, so the send may fail
            offender.socket.sendBinary(ByteBuffer.wrap(new byte[64 * 1024 + 1]), true).handle((ws, e) -> ws).join();

            offenderHandler.awaitClosed();
            offender.awaitEnd();
            bystander.send(PUBLISH);
            assertThat(bystanderHandler.nextMessage()).isEqualTo(PUBLISH);
            assertThat(bystanderHandler.connection.send(event(1, 2))).isTrue();
            assertThat(bystander.nextMessage()).isEqualTo(event(1, 2));
            assertThat(bystander.isClosed()).isFalse();
            bystander.close();
            bystanderHandler.awaitClosed();
        }
    }

    @Test
    void aFragmentedMessageOverTheLimitIsAProtocolViolationAnsweredWithAbortAnd1009() throws Exception {
        try (WebSocketPeer peer = WebSocketPeer.connect(port, Serialization.JSON)) {
            RecordingHandler handler = sessions.next();
            String fragment = "\"" + "x".repeat(40 * 1024);

            peer.socket.sendText("[16, 1, {}, \"com.example.topic\", [", false).join();
            peer.socket.sendText(fragment, false).join();
            peer.socket.sendText(fragment + "\"]]", true).join();

            assertThat(handler.nextViolation()).hasMessageContaining("exceeds the limit of 65536 bytes");
            assertThat(peer.nextMessage()).isInstanceOfSatisfying(Abort.class,
                    abort -> assertThat(abort.reason()).isEqualTo(ErrorUris.PROTOCOL_VIOLATION));
            assertThat(peer.awaitClose().code()).isEqualTo(1009);
            handler.awaitClosed();
        }
    }

    @ParameterizedTest
    @EnumSource(Serialization.class)
    void aFrameThatDoesNotDecodeGetsAbortBeforeTheClose(Serialization serialization) throws Exception {
        try (WebSocketPeer peer = WebSocketPeer.connect(port, serialization)) {
            RecordingHandler handler = sessions.next();
            double violations = violations("websocket");

            switch (serialization) {
                case JSON -> peer.sendText("[16, 1, {}");
                case MSGPACK -> peer.sendBinary(new byte[] {(byte) 0xC1});
                case CBOR -> peer.sendBinary(new byte[] {(byte) 0xFF});
            }

            assertThat(handler.nextViolation()).isNotNull();
            WampMessage abort = peer.nextMessage();
            assertThat(abort).isInstanceOfSatisfying(Abort.class,
                    a -> assertThat(a.reason()).isEqualTo(ErrorUris.PROTOCOL_VIOLATION));
            assertThat(peer.awaitClose().code()).isEqualTo(1002);
            handler.awaitClosed();
            assertThat(violations("websocket")).isEqualTo(violations + 1);
        }
    }

    @Test
    void aTextMessageOnABinarySerializationIsAProtocolViolation() throws Exception {
        try (WebSocketPeer peer = WebSocketPeer.connect(port, Serialization.CBOR)) {
            RecordingHandler handler = sessions.next();

            peer.sendText("[16, 1, {}, \"com.example.topic\"]");

            assertThat(handler.nextViolation()).hasMessageContaining("wamp.2.cbor does not allow text messages");
            assertThat(peer.nextMessage()).isInstanceOf(Abort.class);
            assertThat(peer.awaitClose().code()).isEqualTo(1002);
            handler.awaitClosed();
        }
    }

    @Test
    void closeWritesEverythingQueuedBeforeTheCloseFrame() throws Exception {
        try (WebSocketPeer peer = WebSocketPeer.connect(port, Serialization.JSON)) {
            RecordingHandler handler = sessions.next();

            for (int i = 1; i <= 500; i++) {
                assertThat(handler.connection.send(event(1, i))).isTrue();
            }
            handler.connection.close();
            assertThat(handler.connection.send(event(1, 501))).as("send after close").isFalse();

            for (int i = 1; i <= 500; i++) {
                assertThat(peer.nextMessage()).isEqualTo(event(1, i));
            }
            assertThat(peer.awaitClose().code()).isEqualTo(1000);
            handler.awaitClosed();
        }
    }

    @Test
    void concurrentSendsArriveCompleteAndInEachSendersOrder() throws Exception {
        int senders = 8;
        int perSender = 1000;
        try (WebSocketPeer peer = WebSocketPeer.connect(port, Serialization.MSGPACK)) {
            RecordingHandler handler = sessions.next();
            ExecutorService threads = Executors.newFixedThreadPool(senders);
            try {
                CyclicBarrier start = new CyclicBarrier(senders);
                List<Future<Boolean>> results = new ArrayList<>();
                for (int s = 1; s <= senders; s++) {
                    long sender = s;
                    results.add(threads.submit(() -> {
                        start.await();
                        boolean all = true;
                        for (int i = 1; i <= perSender; i++) {
                            all &= handler.connection.send(event(sender, i, "payload of sender " + sender));
                        }
                        return all;
                    }));
                }
                for (Future<Boolean> result : results) {
                    assertThat(result.get()).as("every send accepted").isTrue();
                }
            } finally {
                threads.shutdownNow();
            }

            Map<Long, Long> lastBySender = new HashMap<>();
            for (int n = 0; n < senders * perSender; n++) {
                Event event = (Event) peer.nextMessage();
                long previous = lastBySender.getOrDefault(event.subscriptionId(), 0L);
                assertThat(event.publicationId()).as("next message of sender %d", event.subscriptionId())
                        .isEqualTo(previous + 1);
                lastBySender.put(event.subscriptionId(), event.publicationId());
            }
            assertThat(lastBySender).hasSize(senders)
                    .allSatisfy((sender, last) -> assertThat(last).isEqualTo(perSender));
            peer.close();
            handler.awaitClosed();
        }
    }

    @Test
    void aPeerThatDoesNotReadOverflowsItsQueueAndIsClosed() throws Exception {
        try (RawWebSocket client = RawWebSocket.request(port, "/ws", "wamp.2.json", true, 4096)) {
            assertThat(client.readResponse().status()).isEqualTo(101);
            RecordingHandler handler = sessions.next();
            double overflows = meters.get("wamp.transport.outbound.overflows").tag("transport", "websocket")
                    .counter().count();
            Event big = event(1, 1, "x".repeat(16 * 1024));

            int sent = 0;
            while (handler.connection.send(big)) {
                sent++;
                assertThat(sent).as("sends before the queue overflows").isLessThan(1_000_000);
            }

            assertThat(sent).isGreaterThanOrEqualTo(8192);
            assertThat(handler.connection.send(big)).isFalse();
            handler.awaitClosed();
            assertThat(meters.get("wamp.transport.outbound.overflows").tag("transport", "websocket")
                    .counter().count()).isEqualTo(overflows + 1);
        }
    }

    @Test
    void exposesConnectionsAndQueueDepthAsGauges() throws Exception {
        try (WebSocketPeer peer = WebSocketPeer.connect(port, Serialization.JSON)) {
            RecordingHandler handler = sessions.next();

            assertThat(meters.get("wamp.transport.connections").tag("transport", "websocket").gauge().value())
                    .isEqualTo(1);
            assertThat(meters.get("wamp.transport.outbound.queued").tag("transport", "websocket").gauge()
                    .value()).isZero();
            peer.close();
            handler.awaitClosed();
            assertThat(meters.get("wamp.transport.connections").tag("transport", "websocket").gauge().value())
                    .isZero();
        }
    }

    @Test
    void theRawSocketServerRunsInTheApplication(@Autowired RawSocketServer rawSocket) throws Exception {
        try (RawSocketPeer peer = RawSocketPeer.connect(rawSocket.port())) {
            assertThat(peer.handshake(Serialization.JSON, 15) >>> 24).isEqualTo(0x7F);
            RecordingHandler handler = sessions.next();
            peer.send(PUBLISH);
            assertThat(handler.nextMessage()).isEqualTo(PUBLISH);
            assertThat(handler.connection.info().type()).isEqualTo("rawsocket");
            peer.close();
            handler.awaitClosed();
        }
    }

    private double violations(String transport) {
        return meters.get("wamp.transport.protocol.violations").tag("transport", transport).counter().count();
    }
}
