package dev.switchboard.wamp.client;

import static dev.switchboard.wamp.client.Clients.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.wamp.client.router.RouterProcess;
import dev.switchboard.wamp.client.router.SelfSignedKeystore;
import dev.switchboard.wamp.codec.Serialization;
import dev.switchboard.wamp.message.Payload;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code wss://}: the router serves TLS with a certificate made for this test (for 127.0.0.1), which the client
 * trusts through the SSL context given to its builder.
 */
class TlsIT {

    private static RouterProcess router;
    private static SSLContext trust;

    @BeforeAll
    static void startRouterWithTls() throws Exception {
        Path keystore = SelfSignedKeystore.create("router");
        trust = SelfSignedKeystore.trusting(keystore);
        router = RouterProcess.launchWith(trust, SelfSignedKeystore.routerArguments(keystore));
    }

    @AfterAll
    static void stopRouter() throws InterruptedException {
        if (router != null) {
            router.stop();
        }
    }

    @ParameterizedTest(name = "over {0}")
    @EnumSource(Serialization.class)
    void callsAndEventsTravelOverTls(Serialization serialization) throws Exception {
        assertThat(router.webSocketUrl().getScheme()).isEqualTo("wss");
        try (Clients clients = new Clients(router, serialization, "tls")) {
            WampClient callee = clients.connect(builder -> builder.sslContext(trust));
            WampClient caller = clients.connect(builder -> builder.sslContext(trust));
            await(callee.register(clients.uri("echo"), invocation -> invocation.arguments()));
            CountDownLatch event = new CountDownLatch(1);
            await(callee.subscribe(clients.uri("news"), e -> event.countDown()));

            assertThat(await(caller.call(clients.uri("echo"), Payload.of("secret"))).arg(0)).isEqualTo("secret");
            await(caller.publish(clients.uri("news"), Payload.EMPTY));
            assertThat(event.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @ParameterizedTest(name = "over {0}")
    @EnumSource(Serialization.class)
    void untrustedCertificateFailsTheConnect(Serialization serialization) {
        try (Clients clients = new Clients(router, serialization, "tls")) {
            WampClient client = clients.add(clients.builder().reconnect(ReconnectPolicy.NEVER).build());

            assertThat(Clients.failure(client.connect())).isInstanceOf(NotConnectedException.class);
        }
    }
}
