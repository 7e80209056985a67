package dev.switchboard.router.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;

class TransportConfigurationTests {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(TransportConfiguration.class)
            .withBean(RecordingAcceptor.class)
            .withPropertyValues("switchboard.router.transport.rawsocket.port=0");

    @Test
    void mapsTheWebSocketEndpointToTheConfiguredPath() {
        runner.withPropertyValues("switchboard.router.transport.websocket.path=/wamp").run(context -> {
            assertThat(context).hasSingleBean(WebSocketTransport.class).hasSingleBean(RawSocketServer.class);
            Map<String, Object> urls = Map.copyOf(context.getBean(SimpleUrlHandlerMapping.class).getUrlMap());
            assertThat(urls).containsExactly(Map.entry("/wamp", context.getBean(WebSocketTransport.class)));
        });
    }

    @Test
    void leavesTheRawSocketServerOutWhenItIsTurnedOff() {
        runner.withPropertyValues("switchboard.router.transport.rawsocket.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(RawSocketServer.class)
                        .hasSingleBean(WebSocketTransport.class));
    }
}
