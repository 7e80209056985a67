package dev.switchboard.router.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.wamp.codec.Serialization;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Stopping the application closes the open connections and does not wait for them. */
class ShutdownTests {

    @Test
    void stoppingTheApplicationClosesWebSocketsWithGoingAwayAndRawSocketsAtOnce() throws Exception {
        ConfigurableApplicationContext application = new SpringApplicationBuilder(TransportTestApplication.class)
                .run("--server.port=0", "--switchboard.router.transport.rawsocket.port=0",
                        "--spring.main.banner-mode=off");
        RecordingAcceptor sessions = application.getBean(RecordingAcceptor.class);
        int port = ((WebServerApplicationContext) application).getWebServer().getPort();
        try (WebSocketPeer webSocket = WebSocketPeer.connect(port, Serialization.JSON);
             RawSocketPeer rawSocket = RawSocketPeer.connect(application.getBean(RawSocketServer.class).port())) {
            RecordingHandler webSocketHandler = sessions.next();
            rawSocket.handshake(Serialization.JSON, 15);
            RecordingHandler rawSocketHandler = sessions.next();

            long start = System.nanoTime();
            application.close();

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(webSocket.awaitClose().code()).isEqualTo(1001);
            assertThat(rawSocket.awaitDisconnect()).isTrue();
            webSocketHandler.awaitClosed();
            rawSocketHandler.awaitClosed();
        }
    }
}
