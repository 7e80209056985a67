package dev.switchboard.router.transport;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The transports alone on Spring Boot's real WebFlux server (with actuator and Micrometer), a
 * {@link RecordingAcceptor} in place of the session layer. A {@link TestConfiguration}, so that the component scan of
 * {@code RouterApplication} in other tests leaves it out.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import(TransportConfiguration.class)
class TransportTestApplication {

    @Bean
    @Primary
    RecordingAcceptor recordingAcceptor() {
        return new RecordingAcceptor();
    }
}
