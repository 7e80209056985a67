package dev.switchboard.router.transport;

import static dev.switchboard.router.transport.WebSocketTransportTests.PUBLISH;
import static dev.switchboard.router.transport.WebSocketTransportTests.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.router.session.TransportInfo;
import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.codec.Serialization;
import dev.switchboard.wamp.message.Abort;
import dev.switchboard.wamp.message.Event;
import dev.switchboard.wamp.codec.WampCodec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The RawSocket transport on a Reactor Netty TCP server of its own, driven by a plain socket. */
class RawSocketTransportTests {

    final RecordingAcceptor sessions = new RecordingAcceptor();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    RawSocketServer server;

    /** Starts a server with the RawSocket port 0 and the given settings. */
    int start(String... settings) {
        server = new RawSocketServer(TestProperties.of(settings), sessions,
                new TransportMetrics(meters, RawSocketServer.TYPE), null);
        server.start();
        return server.port();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
        assertThat(sessions.noneWaiting()).as("connections no test looked at").isTrue();
    }

    @ParameterizedTest
    @EnumSource(Serialization.class)
    void answersTheHandshakeAndCarriesMessagesBothWays(Serialization serialization) throws Exception {
        int port = start("max-message-size=64KB");
        try (RawSocketPeer peer = RawSocketPeer.connect(port)) {
            int reply = peer.handshake(serialization, 15);
            // 0x7F, LENGTH 7 (2^16 = 64 KiB), the serializer echoed, reserved octets zero
            assertThat(reply).isEqualTo(0x7F << 24 | (7 << 4 | serialization.rawSocketId()) << 16);
            RecordingHandler handler = sessions.next();

            peer.send(PUBLISH);
            assertThat(handler.nextMessage()).isEqualTo(PUBLISH);
            assertThat(handler.connection.send(event(3, 4, "back"))).isTrue();
            assertThat(peer.nextMessage()).isEqualTo(event(3, 4, "back"));

            peer.close();
            handler.awaitClosed();
        }
    }

    @Test
    void describesTheConnectionInItsTransportInfo() throws Exception {
        int port = start();
        try (RawSocketPeer peer = RawSocketPeer.connect(port)) {
            peer.handshake(Serialization.CBOR, 15);
            RecordingHandler handler = sessions.next();
            TransportInfo info = handler.connection.info();

            assertThat(info.type()).isEqualTo("rawsocket");
            assertThat(info.serialization()).isEqualTo(Serialization.CBOR);
            assertThat(info.peer()).matches("tcp4:127\\.0\\.0\\.1:\\d+");
            assertThat(info.http()).isEmpty();
            assertThat(info.secure()).isFalse();
            peer.close();
            handler.awaitClosed();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 4, 15})
    void refusesAnUnsupportedSerializerWithError1(int serializerId) throws Exception {
        assertHandshakeRefused(start(), 0xF0 | serializerId, 0, 0, 1);
    }

    @Test
    void refusesAClientThatCannotReceiveTheSmallestAcceptableLengthWithError2() throws Exception {
        int port = start("rawsocket.min-client-max-length=64KB");
        assertHandshakeRefused(port, 6 << 4 | Serialization.JSON.rawSocketId(), 0, 0, 2);

        try (RawSocketPeer peer = RawSocketPeer.connect(port)) {
            assertThat(peer.handshake(7 << 4 | Serialization.JSON.rawSocketId(), 0, 0) >>> 16 & 0x0F)
                    .as("a client accepting 64 KiB gets its serializer").isEqualTo(Serialization.JSON.rawSocketId());
            RecordingHandler handler = sessions.next();
            peer.close();
            handler.awaitClosed();
        }
    }

    @Test
    void refusesReservedBitsWithError3() throws Exception {
        int port = start();
        assertHandshakeRefused(port, 0xF1, 0, 1, 3);
        assertHandshakeRefused(port, 0xF1, 0x80, 0, 3);
    }

    @Test
    void refusesClientsBeyondTheConnectionLimitWithError4() throws Exception {
        int port = start("rawsocket.max-connections=1");
        try (RawSocketPeer first = RawSocketPeer.connect(port)) {
            first.handshake(Serialization.JSON, 15);
            RecordingHandler handler = sessions.next();

            assertHandshakeRefused(port, 0xF1, 0, 0, 4);

            first.close();
            handler.awaitClosed();
        }
        try (RawSocketPeer next = RawSocketPeer.connect(port)) {
            assertThat(next.handshake(Serialization.JSON, 15) & 0x000F0000)
                    .as("a success reply once the first client left").isNotZero();
            RecordingHandler handler = sessions.next();
            next.close();
            handler.awaitClosed();
        }
    }

    private void assertHandshakeRefused(int port, int second, int third, int fourth, int error) throws Exception {
        try (RawSocketPeer peer = RawSocketPeer.connect(port)) {
            assertThat(peer.handshake(second, third, fourth)).isEqualTo(0x7F << 24 | error << 20);
            assertThat(peer.awaitDisconnect()).as("closed after the error reply").isTrue();
        }
        assertThat(sessions.noneWaiting()).as("no connection handed to the session layer").isTrue();
    }

    @Test
    void dropsAClientWhoseFirstOctetIsNotTheMagic() throws Exception {
        try (RawSocketPeer peer = RawSocketPeer.connect(start())) {
            peer.sendRaw("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(peer.awaitDisconnect()).isTrue();
        }
    }

    @Test
    void dropsAClientThatSendsNoHandshakeInTime() throws Exception {
        try (RawSocketPeer peer = RawSocketPeer.connect(start("ping-timeout=200ms"))) {
            peer.sendRaw(new byte[] {0x7F, 0x11});
            assertThat(peer.awaitDisconnect()).isTrue();
        }
    }

    @Test
    void answersAPingWithAPongEchoingItsPayload() throws Exception {
        try (RawSocketPeer peer = RawSocketPeer.connect(start())) {
            peer.handshake(Serialization.MSGPACK, 15);
            RecordingHandler handler = sessions.next();

            peer.sendFrame(RawSocketFraming.PING, "are you there?".getBytes(StandardCharsets.UTF_8));
            RawSocketPeer.Frame pong = peer.nextFrame();

            assertThat(pong.type()).isEqualTo(RawSocketFraming.PONG);
            assertThat(new String(pong.payload(), StandardCharsets.UTF_8)).isEqualTo("are you there?");
            assertThat(handler.receivedNothing()).isTrue();
            peer.close();
            handler.awaitClosed();
        }
    }

    @Test
    void aFrameOverTheRoutersLimitIsAProtocolViolationThatClosesTheConnection() throws Exception {
        try (RawSocketPeer peer = RawSocketPeer.connect(start("max-message-size=1KB"))) {
            assertThat(peer.handshake(Serialization.JSON, 15) >>> 20 & 0x0F).as("LENGTH for 1 KiB").isEqualTo(1);
            RecordingHandler handler = sessions.next();

            peer.sendRaw(new byte[] {0, 0, 0x04, 0x01}); // a message of 1025 octets: the prefix is enough

            assertThat(handler.nextViolation()).hasMessage("message of 1025 bytes exceeds the limit of 1024 bytes");
            assertThat(peer.nextMessage()).isInstanceOfSatisfying(Abort.class,
                    abort -> assertThat(abort.reason()).isEqualTo(ErrorUris.PROTOCOL_VIOLATION));
            assertThat(peer.awaitDisconnect()).isTrue();
            handler.awaitClosed();
            assertThat(meters.get("wamp.transport.protocol.violations").tag("transport", "rawsocket")
                    .counter().count()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Serialization.class)
    void aFrameThatDoesNotDecodeGetsAbortBeforeTheClose(Serialization serialization) throws Exception {
        try (RawSocketPeer peer = RawSocketPeer.connect(start())) {
            peer.handshake(serialization, 15);
            RecordingHandler handler = sessions.next();

            peer.sendFrame(RawSocketFraming.MESSAGE, switch (serialization) {
                case JSON -> "[16, 1, {}".getBytes(StandardCharsets.UTF_8);
                case MSGPACK -> new byte[] {(byte) 0xC1};
                case CBOR -> new byte[] {(byte) 0xFF};
            });

            assertThat(handler.nextViolation()).isNotNull();
            assertThat(peer.nextMessage()).isInstanceOf(Abort.class);
            assertThat(peer.awaitDisconnect()).isTrue();
            handler.awaitClosed();
        }
    }

    @Test
    void aReservedFrameTypeIsAProtocolViolation() throws Exception {
        try (RawSocketPeer peer = RawSocketPeer.connect(start())) {
            peer.handshake(Serialization.JSON, 15);
            RecordingHandler handler = sessions.next();

            peer.sendFrame(3, new byte[0]);

            assertThat(handler.nextViolation()).hasMessage("reserved RawSocket frame type 3");
            assertThat(peer.nextMessage()).isInstanceOf(Abort.class);
            assertThat(peer.awaitDisconnect()).isTrue();
            handler.awaitClosed();
        }
    }

    @Test
    void aMessageLongerThanTheClientAcceptsClosesTheConnectionInsteadOfBeingSent() throws Exception {
        try (RawSocketPeer peer = RawSocketPeer.connect(start())) {
            peer.handshake(Serialization.JSON, 0); // the client receives at most 512 octets
            RecordingHandler handler = sessions.next();

            assertThat(handler.connection.send(event(1, 1, "small"))).isTrue();
            assertThat(handler.connection.send(event(1, 2, "x".repeat(600)))).isTrue();
            handler.connection.send(event(1, 3, "small again")); // refused if the connection already failed

            assertThat(peer.nextMessage()).isEqualTo(event(1, 1, "small"));
            assertThat(peer.awaitDisconnect()).as("nothing after the message that did not fit").isTrue();
            handler.awaitClosed();
        }
    }

    @Test
    void closeWritesEverythingQueuedFirst() throws Exception {
        try (RawSocketPeer peer = RawSocketPeer.connect(start())) {
            peer.handshake(Serialization.MSGPACK, 15);
            RecordingHandler handler = sessions.next();

            for (int i = 1; i <= 500; i++) {
                handler.connection.send(event(1, i));
            }
            handler.connection.close();

            for (int i = 1; i <= 500; i++) {
                assertThat(peer.nextMessage()).isEqualTo(event(1, i));
            }
            assertThat(peer.awaitDisconnect()).isTrue();
            handler.awaitClosed();
        }
    }

    @Test
    void aPeerThatDoesNotReadOverflowsItsQueueAndIsClosed() throws Exception {
        int port = start("outbound-queue-capacity=64", "close-timeout=300ms");
        try (RawSocketPeer peer = RawSocketPeer.connect(port, 4096)) {
            peer.handshake(Serialization.JSON, 15);
            RecordingHandler handler = sessions.next();
            Event big = event(1, 1, "x".repeat(16 * 1024));

            int sent = 0;
            while (handler.connection.send(big)) {
                sent++;
                assertThat(sent).as("sends before the queue overflows").isLessThan(1_000_000);
            }

            assertThat(sent).isGreaterThanOrEqualTo(64);
            assertThat(handler.connection.send(big)).isFalse();
            handler.awaitClosed();
            assertThat(meters.get("wamp.transport.outbound.overflows").tag("transport", "rawsocket")
                    .counter().count()).isEqualTo(1);
        }
    }

    @Test
    void aPeerPipeliningFarMoreRequestsThanTheQueueHoldsIsSlowedDownNotDisconnected() throws Exception {
        int requests = 50_000; // 50 times the default queue capacity, written in one go
        try (RawSocketPeer peer = RawSocketPeer.connect(start())) {
            peer.handshake(Serialization.MSGPACK, 15);
            RecordingHandler handler = sessions.next();
            handler.echo = true;
            byte[] publish = WampCodec.of(Serialization.MSGPACK).encode(PUBLISH);
            ByteBuffer burst = ByteBuffer.allocate(requests * (4 + publish.length));
            for (int i = 0; i < requests; i++) {
                burst.putInt(publish.length).put(publish);
            }
            Thread writer = Thread.ofPlatform().start(() -> {
                try {
                    peer.sendRaw(burst.array());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });

            for (int i = 0; i < requests; i++) {
                assertThat(peer.nextMessage()).isEqualTo(PUBLISH);
            }
            writer.join();
            assertThat(handler.isClosed()).isFalse();
            peer.close();
            handler.awaitClosed();
        }
    }

    @Test
    void concurrentSendsArriveCompleteAndInEachSendersOrder() throws Exception {
        int senders = 4;
        int perSender = 250;
        try (RawSocketPeer peer = RawSocketPeer.connect(start())) {
            peer.handshake(Serialization.CBOR, 15);
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
                            all &= handler.connection.send(event(sender, i));
                        }
                        return all;
                    }));
                }
                for (Future<Boolean> result : results) {
                    assertThat(result.get()).isTrue();
                }
            } finally {
                threads.shutdownNow();
            }

            Map<Long, Long> lastBySender = new HashMap<>();
            for (int n = 0; n < senders * perSender; n++) {
                Event event = (Event) peer.nextMessage();
                assertThat(event.publicationId()).isEqualTo(lastBySender.getOrDefault(event.subscriptionId(), 0L) + 1);
                lastBySender.put(event.subscriptionId(), event.publicationId());
            }
            assertThat(lastBySender.values()).containsOnly((long) perSender).hasSize(senders);
            peer.close();
            handler.awaitClosed();
        }
    }
}
