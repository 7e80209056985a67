package dev.switchboard.router.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.unit.DataSize;

class TransportPropertiesTests {

    static TransportProperties bind(Map<String, String> source) {
        return new Binder(new MapConfigurationPropertySource(source))
                .bindOrCreate(TestProperties.PREFIX, TransportProperties.class);
    }

    @Test
    void hasTheDocumentedDefaults() {
        TransportProperties properties = bind(Map.of());

        assertThat(properties.maxMessageSize()).isEqualTo(DataSize.ofMegabytes(1));
        assertThat(properties.outboundQueueCapacity()).isEqualTo(16384);
        assertThat(properties.pingInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.pingTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.closeTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.websocket().path()).isEqualTo("/ws");
        assertThat(properties.rawsocket()).isEqualTo(
                new TransportProperties.RawSocket(true, null, 8090, 0, DataSize.ofBytes(512)));
    }

    @Test
    void applicationYmlSpellsOutTheDefaults() throws Exception {
        var sources = new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"));

        TransportProperties configured = new Binder(ConfigurationPropertySources.from(sources))
                .bindOrCreate(TestProperties.PREFIX, TransportProperties.class);

        assertThat(configured).isEqualTo(bind(Map.of()));
    }

    @Test
    void refusesAMessageLimitBelowTheSmallestRawSocketLength() {
        assertThatThrownBy(() -> bind(Map.of(TestProperties.PREFIX + ".max-message-size", "100B")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("max-message-size must be between 512B and 2GB");
    }

    @Test
    void refusesAPathWithoutLeadingSlash() {
        assertThatThrownBy(() -> bind(Map.of(TestProperties.PREFIX + ".websocket.path", "ws")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("websocket.path must start with '/'");
    }

    @Test
    void acceptsZeroToTurnPingsOff() {
        assertThat(bind(Map.of(TestProperties.PREFIX + ".ping-interval", "0s")).pingInterval()).isZero();
    }
}
