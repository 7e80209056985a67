package dev.switchboard.router.transport;

import dev.switchboard.router.session.ConnectionAcceptor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.handler.ssl.SslContext;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;

/**
 * Wires the transports to the session layer's {@link ConnectionAcceptor} bean. Without one (while the session layer
 * is not there yet) the router still starts: the WebSocket endpoint answers 503 and no RawSocket port is opened.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({TransportProperties.class, ConnectionLimits.class})
class TransportConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TransportConfiguration.class);

    /** One count of connections per remote address for both transports. */
    @Bean
    AddressLimiter wampAddressLimiter(ConnectionLimits limits, ObjectProvider<MeterRegistry> registry) {
        return new AddressLimiter(limits.connectionsPerAddress(), registry.getIfAvailable());
    }

    @Bean
    WebSocketTransport wampWebSocketTransport(TransportProperties properties,
                                              ObjectProvider<ConnectionAcceptor> acceptor,
                                              ObjectProvider<MeterRegistry> registry,
                                              AddressLimiter addresses) {
        ConnectionAcceptor sessions = acceptor.getIfAvailable();
        if (sessions == null) {
            log.warn("No ConnectionAcceptor bean: the WAMP transports refuse every connection");
        }
        return new WebSocketTransport(properties, sessions,
                new TransportMetrics(registry.getIfAvailable(SimpleMeterRegistry::new), WebSocketTransport.TYPE),
                addresses);
    }

    @Bean
    SimpleUrlHandlerMapping wampWebSocketHandlerMapping(TransportProperties properties,
                                                        WebSocketTransport transport) {
        return new SimpleUrlHandlerMapping(Map.of(properties.websocket().path(), transport),
                Ordered.HIGHEST_PRECEDENCE);
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "switchboard.router.transport.rawsocket.enabled", matchIfMissing = true)
    RawSocketServer wampRawSocketServer(TransportProperties properties,
                                        ObjectProvider<ConnectionAcceptor> acceptor,
                                        ObjectProvider<MeterRegistry> registry,
                                        ObjectProvider<ReactorResourceFactory> resources,
                                        AddressLimiter addresses,
                                        ObjectProvider<SslBundles> sslBundles) {
        ReactorResourceFactory loops = resources.getIfAvailable();
        String bundle = properties.rawsocket().sslBundle();
        SslContext tls = null;
        if (bundle != null) {
            SslBundles bundles = sslBundles.getIfAvailable();
            if (bundles == null) {
                throw new IllegalStateException("switchboard.router.transport.rawsocket.ssl.bundle is set, but there"
                        + " are no SSL bundles (spring.ssl.bundle.*)");
            }
            tls = TlsContexts.server(bundles.getBundle(bundle));
        }
        return new RawSocketServer(properties, acceptor.getIfAvailable(),
                new TransportMetrics(registry.getIfAvailable(SimpleMeterRegistry::new), RawSocketServer.TYPE),
                loops == null ? null : loops.getLoopResources(), addresses, tls);
    }
}
