package dev.switchboard.router.transport;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.util.Arrays;
import javax.net.ssl.SSLException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslOptions;

/** Netty server TLS contexts from Spring Boot SSL bundles, for the RawSocket listener. */
final class TlsContexts {

    private TlsContexts() {
    }

    /**
     * A server context with the bundle's key managers and its protocol and cipher options. Clients are not asked for
     * certificates: WAMP authenticates them in the session.
     */
    static SslContext server(SslBundle bundle) {
        SslContextBuilder builder = SslContextBuilder.forServer(bundle.getManagers().getKeyManagerFactory())
                .clientAuth(ClientAuth.NONE);
        SslOptions options = bundle.getOptions();
        if (options.getEnabledProtocols() != null) {
            builder.protocols(options.getEnabledProtocols());
        }
        if (options.getCiphers() != null) {
            builder.ciphers(Arrays.asList(options.getCiphers()));
        }
        try {
            return builder.build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot build a TLS context from the SSL bundle: " + e.getMessage(), e);
        }
    }
}
