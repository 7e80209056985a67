package dev.switchboard.wamp.client;

import static dev.switchboard.wamp.client.Clients.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.wamp.client.router.RouterProcess;
import dev.switchboard.wamp.codec.Serialization;
import dev.switchboard.wamp.message.Payload;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code wss://}: the router serves TLS with a certificate made for this test (for 127.0.0.1), which the client
 * trusts through the SSL context given to its builder.
 */
class TlsIT {

    private static final String PASSWORD = "changeit";

    private static RouterProcess router;
    private static SSLContext trust;

    @BeforeAll
    static void startRouterWithTls() throws Exception {
        Path keystore = selfSignedKeystore();
        trust = trusting(keystore);
        router = RouterProcess.launchWith(trust, "--server.ssl.enabled=true",
                "--server.ssl.key-store=" + keystore.toAbsolutePath(), "--server.ssl.key-store-type=PKCS12",
                "--server.ssl.key-store-password=" + PASSWORD, "--server.ssl.key-alias=router");
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

    /** A PKCS#12 keystore with a fresh self-signed certificate for 127.0.0.1 and localhost, made with keytool. */
    private static Path selfSignedKeystore() throws Exception {
        Path keystore = Path.of("target", "tls", "router-" + ProcessHandle.current().pid() + ".p12");
        Files.createDirectories(keystore.getParent());
        Files.deleteIfExists(keystore);
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "router",
                "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
                "-keystore", keystore.toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD, "-keypass", PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return keystore;
    }

    private static SSLContext trusting(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers.getTrustManagers(), null);
        return context;
    }
}
