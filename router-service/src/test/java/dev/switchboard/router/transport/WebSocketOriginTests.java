package dev.switchboard.router.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Browser pages may open a WAMP WebSocket only from the allowed origins. */
@SpringBootTest(classes = TransportTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "switchboard.router.transport.websocket.allowed-origins=https://dashboard.example.com",
                "switchboard.router.transport.rawsocket.port=0"})
class WebSocketOriginTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private WebSocket open(String origin) throws Exception {
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().subprotocols("wamp.2.json");
        if (origin != null) {
            builder.header("Origin", origin);
        }
        return builder.buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), new WebSocket.Listener() { })
                .get(5, TimeUnit.SECONDS);
    }

    @Test
    void aPageFromAnAllowedOriginMayConnect() throws Exception {
        WebSocket socket = open("https://dashboard.example.com");
        assertThat(socket.getSubprotocol()).isEqualTo("wamp.2.json");
        socket.abort();
    }

    @Test
    void aPageFromAnotherOriginIsRefusedWith403() {
        assertThatThrownBy(() -> open("https://evil.example.com"))
                .hasCauseInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode())
                        .isEqualTo(403));
    }

    @Test
    void clientsThatAreNotBrowsersSendNoOriginAndMayConnect() throws Exception {
        WebSocket socket = open(null);
        assertThat(socket.getSubprotocol()).isEqualTo("wamp.2.json");
        socket.abort();
    }
}
