package dev.switchboard.wamp.spring.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.wamp.client.ConnectionState;
import dev.switchboard.wamp.client.ReconnectPolicy;
import dev.switchboard.wamp.client.WampClient;
import dev.switchboard.wamp.client.router.RouterProcess;
import dev.switchboard.wamp.client.router.SelfSignedKeystore;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.spring.endpoint.WampEndpointRegistry;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code wss://} to a router whose certificate only a private CA vouches for: the application trusts it through the
 * Spring Boot SSL bundle named by {@code switchboard.wamp.ssl.bundle}, and nothing else.
 */
class SslBundleIT {

    private static Path keystore;
    private static SSLContext trust;
    private static RouterProcess router;

    @BeforeAll
    static void startRouterWithTls() throws Exception {
        keystore = SelfSignedKeystore.create("starter-router");
        trust = SelfSignedKeystore.trusting(keystore);
        router = RouterProcess.launchWith(trust, SelfSignedKeystore.routerArguments(keystore));
    }

    @AfterAll
    static void stopRouter() throws InterruptedException {
        if (router != null) {
            router.stop();
        }
    }

    @Test
    void applicationConnectsOverTlsTrustingTheRouterThroughItsSslBundle() throws Exception {
        try (ConfigurableApplicationContext application = new SpringApplicationBuilder(ExampleApplication.class)
                .web(WebApplicationType.NONE)
                .run("--switchboard.wamp.url=" + router.webSocketUrl(),
                        "--spring.ssl.bundle.jks.router.truststore.location=file:" + keystore,
                        "--spring.ssl.bundle.jks.router.truststore.password=" + SelfSignedKeystore.PASSWORD,
                        "--spring.ssl.bundle.jks.router.truststore.type=PKCS12",
                        "--switchboard.wamp.ssl.bundle=router",
                        "--switchboard.wamp.reconnect.max-attempts=0");
             WampClient caller = WampClient.builder(router.webSocketUrl(), "realm1").sslContext(trust)
                     .reconnect(ReconnectPolicy.NEVER).build()) {
            assertThat(router.webSocketUrl().getScheme()).isEqualTo("wss");
            WampClient client = application.getBean(WampClient.class);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (!application.getBean(WampEndpointRegistry.class).allEstablished()) {
                assertThat(System.nanoTime()).as("endpoints established within 15 s, the client is "
                        + client.state()).isLessThan(deadline);
                Thread.sleep(20);
            }
            assertThat(client.state()).isEqualTo(ConnectionState.ESTABLISHED);
            caller.connect().get(15, TimeUnit.SECONDS);

            assertThat(caller.call("com.example.add", Payload.of(40, 2)).get(15, TimeUnit.SECONDS).arg(0))
                    .isEqualTo(42L);
        }
    }

    @Test
    void withoutTheBundleTheJvmsTrustRefusesTheRouter() throws Exception {
        try (ConfigurableApplicationContext application = new SpringApplicationBuilder(ExampleApplication.class)
                .web(WebApplicationType.NONE)
                .run("--switchboard.wamp.url=" + router.webSocketUrl(), "--switchboard.wamp.reconnect.enabled=false")) {
            WampClient client = application.getBean(WampClient.class);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (client.state() != ConnectionState.DISCONNECTED) {
                assertThat(System.nanoTime()).as("refused within 15 s").isLessThan(deadline);
                Thread.sleep(20);
            }
            assertThat(application.getBean(WampEndpointRegistry.class).allEstablished()).isFalse();
        }
    }
}
