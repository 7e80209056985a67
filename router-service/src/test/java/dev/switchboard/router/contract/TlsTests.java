package dev.switchboard.router.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.wamp.codec.Serialization;
import dev.switchboard.wamp.message.Call;
import dev.switchboard.wamp.message.CallOptions;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.Result;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * TLS on both transports from one Spring Boot SSL bundle: {@code wss://} on the web server ({@code server.ssl.bundle})
 * and TLS on the RawSocket port ({@code switchboard.router.transport.rawsocket.ssl.bundle}). The key and its
 * self-signed certificate (for 127.0.0.1) are made here with the JDK's keytool; clients trust that certificate alone
 * and check the host name.
 */
class TlsTests extends RunningRouter {

    private static final String PASSWORD = "changeit";
    private static final Path KEYSTORE = generateKeystore();

    @DynamicPropertySource
    static void tls(DynamicPropertyRegistry registry) {
        registry.add("spring.ssl.bundle.jks.router.keystore.location", () -> KEYSTORE.toUri().toString());
        registry.add("spring.ssl.bundle.jks.router.keystore.password", () -> PASSWORD);
        registry.add("spring.ssl.bundle.jks.router.keystore.type", () -> "PKCS12");
        registry.add("server.ssl.bundle", () -> "router");
        registry.add("switchboard.router.transport.rawsocket.ssl.bundle", () -> "router");
    }

    /** A PKCS#12 key store with an RSA key and a self-signed certificate for 127.0.0.1, in a fresh directory. */
    private static Path generateKeystore() {
        try {
            Path directory = Files.createTempDirectory("router-tls");
            directory.toFile().deleteOnExit();
            Path keystore = directory.resolve("router.p12");
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "router", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                    "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                    "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                    .redirectErrorStream(true)
                    .start();
            String output = new String(keytool.getInputStream().readAllBytes());
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            keystore.toFile().deleteOnExit();
            return keystore;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** TLS sockets that trust only the router's certificate and check that it names 127.0.0.1. */
    private static SocketFactory trustingTheRouter() {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(KEYSTORE)) {
                trusted.load(in, PASSWORD.toCharArray());
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return new HostCheckingSocketFactory(context.getSocketFactory());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private TestClient joinOverTls(Transport transport, Serialization serialization) {
        TestClient client = switch (transport) {
            case WEBSOCKET -> WebSocketTestClient.connect(endpoints().webSocketPort(), serialization,
                    trustingTheRouter());
            case RAWSOCKET -> RawSocketTestClient.connect(endpoints().rawSocketPort(), serialization,
                    trustingTheRouter());
        };
        track(client);
        client.join();
        return client;
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aClientJoinsOverTlsAndItsSessionIsSecure(Transport transport) {
        TestClient client = joinOverTls(transport, Serialization.CBOR);
        long request = client.nextRequestId();
        client.send(new Call(request, CallOptions.DEFAULT, "wamp.session.get", Payload.of(client.sessionId())));
        Result result = client.expect(Result.class);
        assertThat(result.payload()).isInstanceOfSatisfying(Payload.Arguments.class, arguments -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> details = (Map<String, Object>) arguments.args().getFirst();
            assertThat(details.get("transport")).isInstanceOfSatisfying(Map.class, transportDetails ->
                    assertThat(transportDetails).containsEntry("secure", true)
                            .containsEntry("type", transport.name().toLowerCase(Locale.ROOT)));
        });
        client.leave();
    }

    @Test
    void aPlainTcpClientIsClosedWithoutARawSocketReply() throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", endpoints().rawSocketPort()), 5000);
            socket.setSoTimeout(5000);
            // a handshake and the prefix of a first frame: no TLS record
            socket.getOutputStream().write(new byte[] {0x7F, (byte) (RawSocketTestClient.LARGEST << 4
                    | Serialization.JSON.rawSocketId()), 0, 0, 0, 0, 0, 2});
            InputStream in = socket.getInputStream();
            byte[] answer = in.readAllBytes();
            assertThat(answer.length == 0 || answer[0] != 0x7F).as("no RawSocket handshake reply").isTrue();
        }
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateCannotConnect() {
        assertThatThrownBy(() -> RawSocketTestClient.connect(endpoints().rawSocketPort(), Serialization.JSON,
                SSLSocketFactory.getDefault()))
                .hasCauseInstanceOf(SSLHandshakeException.class);
    }

    /** Sockets that verify the server's certificate names the host (HTTPS rules), as a TLS client should. */
    private static final class HostCheckingSocketFactory extends SocketFactory {

        private final SSLSocketFactory tls;

        HostCheckingSocketFactory(SSLSocketFactory tls) {
            this.tls = tls;
        }

        @Override
        public Socket createSocket() throws IOException {
            SSLSocket socket = (SSLSocket) tls.createSocket();
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            return socket;
        }

        @Override
        public Socket createSocket(String host, int port) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress local, int localPort) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Socket createSocket(InetAddress host, int port) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress local,
                                   int localPort) {
            throw new UnsupportedOperationException();
        }
    }
}
