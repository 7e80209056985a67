package dev.switchboard.router.transport;

import static dev.switchboard.router.transport.WebSocketTransportTests.PUBLISH;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.wamp.codec.Serialization;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Pings every 100 ms, 500 ms for the pong: dead peers vanish, live ones stay, on both transports. */
@SpringBootTest(classes = TransportTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "switchboard.router.transport.ping-interval=100ms",
                "switchboard.router.transport.ping-timeout=500ms",
                "switchboard.router.transport.rawsocket.port=0"})
class LivenessTests {

    @LocalServerPort
    int port;

    @Autowired
    RecordingAcceptor sessions;

    @Autowired
    RawSocketServer rawSocket;

    @BeforeEach
    void forgetEarlierConnections() {
        sessions.forget();
    }

    @Test
    void dropsAWebSocketPeerThatDoesNotAnswerPings() throws Exception {
        try (RawWebSocket client = RawWebSocket.request(port, "/ws", "wamp.2.json", true, 0)) {
            assertThat(client.readResponse().status()).isEqualTo(101);
            RecordingHandler handler = sessions.next();

            RawWebSocket.Frame ping = client.readFrame();
            assertThat(ping).isNotNull();
            assertThat(ping.opcode()).isEqualTo(RawWebSocket.PING);

            assertThat(client.awaitDisconnect()).as("dropped without answering the ping").isTrue();
            handler.awaitClosed();
        }
    }

    @Test
    void keepsAWebSocketPeerThatAnswersPings() throws Exception {
        try (WebSocketPeer peer = WebSocketPeer.connect(port, Serialization.JSON)) { // the JDK client answers pings
            RecordingHandler handler = sessions.next();

            Thread.sleep(1500);

            assertThat(handler.isClosed()).isFalse();
            peer.send(PUBLISH);
            assertThat(handler.nextMessage()).isEqualTo(PUBLISH);
            peer.close();
            handler.awaitClosed();
        }
    }

    @Test
    void dropsARawSocketPeerThatDoesNotAnswerPings() throws Exception {
        try (RawSocketPeer peer = RawSocketPeer.connect(rawSocket.port())) {
            peer.handshake(Serialization.MSGPACK, 15);
            RecordingHandler handler = sessions.next();

            RawSocketPeer.Frame ping = peer.nextFrame();
            assertThat(ping.type()).isEqualTo(RawSocketFraming.PING);

            assertThat(peer.awaitDisconnect()).as("dropped without answering the ping").isTrue();
            handler.awaitClosed();
        }
    }

    @Test
    void keepsARawSocketPeerThatAnswersPings() throws Exception {
        try (RawSocketPeer peer = RawSocketPeer.connect(rawSocket.port())) {
            peer.handshake(Serialization.JSON, 15);
            RecordingHandler handler = sessions.next();

            int pings = 0;
            long end = System.nanoTime() + 1_500_000_000L;
            while (System.nanoTime() < end) {
                RawSocketPeer.Frame frame;
                try {
                    frame = peer.nextFrame();
                } catch (SocketTimeoutException e) {
                    break;
                }
                assertThat(frame.type()).isEqualTo(RawSocketFraming.PING);
                peer.sendFrame(RawSocketFraming.PONG, frame.payload());
                pings++;
            }

            assertThat(pings).isGreaterThanOrEqualTo(5);
            assertThat(handler.isClosed()).isFalse();
            peer.send(PUBLISH);
            assertThat(handler.nextMessage()).isEqualTo(PUBLISH);
            peer.close();
            handler.awaitClosed();
        }
    }
}
