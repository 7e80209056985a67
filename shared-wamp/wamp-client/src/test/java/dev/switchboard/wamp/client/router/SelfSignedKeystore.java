package dev.switchboard.wamp.client.router;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A PKCS#12 keystore with a fresh self-signed certificate for 127.0.0.1 and localhost (alias {@code router}), made
 * with the JDK's keytool: the router serves TLS with it, and clients trust it as their private CA.
 */
public final class SelfSignedKeystore {

    public static final String PASSWORD = "changeit";
    public static final String ALIAS = "router";

    private SelfSignedKeystore() {
    }

    /** Makes the keystore at {@code target/tls/<name>-<pid>.p12}. */
    public static Path create(String name) throws IOException, InterruptedException {
        Path keystore = Path.of("target", "tls", name + "-" + ProcessHandle.current().pid() + ".p12")
                .toAbsolutePath();
        Files.createDirectories(keystore.getParent());
        Files.deleteIfExists(keystore);
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", ALIAS,
                "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
                "-keystore", keystore.toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD, "-keypass", PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        return keystore;
    }

    /** The router's arguments to serve TLS with {@code keystore}. */
    public static String[] routerArguments(Path keystore) {
        return new String[] {"--server.ssl.enabled=true", "--server.ssl.key-store=" + keystore,
                "--server.ssl.key-store-type=PKCS12", "--server.ssl.key-store-password=" + PASSWORD,
                "--server.ssl.key-alias=" + ALIAS};
    }

    /** An SSL context that trusts the certificate of {@code keystore}. */
    public static SSLContext trusting(Path keystore) throws IOException, GeneralSecurityException {
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
