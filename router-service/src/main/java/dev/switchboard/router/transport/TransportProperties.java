package dev.switchboard.router.transport;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the router's transports, under {@code switchboard.router.transport}.
 *
 * @param maxMessageSize        the largest WAMP message a peer may send. WebSocket: per message, after joining
 *                              fragments; a larger message closes that connection (close code 1009). RawSocket: the
 *                              largest power of two not above this (at most 16 MiB) is announced in the handshake and
 *                              a larger frame closes the connection. At least 512 B; default 1 MiB
 * @param outboundQueueCapacity how many messages per connection may wait to be encoded and written. A send that finds
 *                              them all taken is refused and closes that connection, because its peer reads too slowly.
 *                              Once written, data waits in Netty's write buffer, whose high-water mark stops the
 *                              draining of this queue. Default 16384: one read of pipelined requests can make well
 *                              over a thousand messages for a single peer, which is a burst, not a slow reader
 * @param pingInterval          how often every connection is pinged (WebSocket ping frames, RawSocket PING frames);
 *                              {@code 0} turns pings off. Default 30 s
 * @param pingTimeout           how long a pinged peer has to answer with a pong before its connection is dropped;
 *                              also how long a RawSocket client has to send its handshake. Default 10 s
 * @param closeTimeout          how long a closing connection may spend writing its queued messages and its close
 *                              frame before it is cut. Default 5 s
 * @param websocket             the WebSocket transport
 * @param rawsocket             the RawSocket transport
 */
@ConfigurationProperties("switchboard.router.transport")
public record TransportProperties(
        @DefaultValue("1MB") DataSize maxMessageSize,
        @DefaultValue("16384") int outboundQueueCapacity,
        @DefaultValue("30s") Duration pingInterval,
        @DefaultValue("10s") Duration pingTimeout,
        @DefaultValue("5s") Duration closeTimeout,
        @DefaultValue WebSocket websocket,
        @DefaultValue RawSocket rawsocket) {

    /** The smallest message limit: the smallest a RawSocket handshake can announce. */
    static final long MIN_MESSAGE_SIZE = 512;

    public TransportProperties {
        require(maxMessageSize.toBytes() >= MIN_MESSAGE_SIZE && maxMessageSize.toBytes() <= Integer.MAX_VALUE,
                "max-message-size must be between 512B and 2GB, got " + maxMessageSize);
        require(outboundQueueCapacity >= 1 && outboundQueueCapacity <= 1 << 30,
                "outbound-queue-capacity must be between 1 and 2^30, got " + outboundQueueCapacity);
        require(!pingInterval.isNegative(), "ping-interval must not be negative, got " + pingInterval);
        require(pingTimeout.isPositive(), "ping-timeout must be positive, got " + pingTimeout);
        require(closeTimeout.isPositive(), "close-timeout must be positive, got " + closeTimeout);
    }

    /**
     * The WebSocket transport, served by the application's WebFlux server ({@code server.port}).
     *
     * @param path           the HTTP path of the WAMP endpoint. Default {@code /ws}
     * @param allowedOrigins the web origins (e.g. {@code https://dashboard.example.com}) whose pages may open a
     *                       WebSocket; others are refused with HTTP 403. Empty (the default) or {@code *}: any origin.
     *                       Requests without an Origin header, which browsers always send, are let through
     */
    public record WebSocket(@DefaultValue("/ws") String path, @Nullable List<String> allowedOrigins) {

        public WebSocket {
            require(path.startsWith("/"), "websocket.path must start with '/', got " + path);
            allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        }

        /**
         * Whether a browser page from {@code origin} may open a WebSocket: any when no origins are configured;
         * requests without an Origin header (not from a browser) are always let through.
         */
        public boolean admits(@Nullable String origin) {
            return origin == null || allowedOrigins.isEmpty() || allowedOrigins.contains("*")
                    || allowedOrigins.stream().anyMatch(allowed -> allowed.equalsIgnoreCase(origin));
        }
    }

    /**
     * The RawSocket transport (WAMP advanced profile), on a TCP port of its own.
     *
     * @param enabled            whether to listen for RawSocket connections. Default {@code true}
     * @param host               the address to listen on; unset means every interface
     * @param port               the TCP port; {@code 0} picks a free one. Default 8090
     * @param maxConnections     how many RawSocket connections may be open at once; further clients are refused in
     *                           the handshake (error 4, maximum connection count reached). {@code 0}, the default,
     *                           means no limit
     * @param minClientMaxLength the smallest maximum message length a client may announce in its handshake; a client
     *                           announcing less is refused (error 2, maximum message length unacceptable), since it
     *                           could not receive larger results. Default 512 B, which accepts every client
     * @param ssl                TLS for the RawSocket port; absent: plain TCP
     */
    public record RawSocket(
            @DefaultValue("true") boolean enabled,
            @Nullable String host,
            @DefaultValue("8090") int port,
            @DefaultValue("0") int maxConnections,
            @DefaultValue("512B") DataSize minClientMaxLength,
            @Nullable Ssl ssl) {

        @ConstructorBinding
        public RawSocket {
            require(port >= 0 && port <= 65535, "rawsocket.port must be between 0 and 65535, got " + port);
            require(maxConnections >= 0, "rawsocket.max-connections must not be negative, got " + maxConnections);
            require(minClientMaxLength.toBytes() <= 1 << 24,
                    "rawsocket.min-client-max-length must be at most 16MB, got " + minClientMaxLength);
        }

        /** Plain TCP. */
        public RawSocket(boolean enabled, @Nullable String host, int port, int maxConnections,
                         DataSize minClientMaxLength) {
            this(enabled, host, port, maxConnections, minClientMaxLength, null);
        }

        /** The name of the SSL bundle to serve TLS with, or {@code null} for plain TCP. */
        public @Nullable String sslBundle() {
            return ssl == null || ssl.bundle() == null || ssl.bundle().isBlank() ? null : ssl.bundle();
        }
    }

    /**
     * TLS for a listener.
     *
     * @param bundle the name of a Spring Boot SSL bundle ({@code spring.ssl.bundle.jks.<name>} or
     *               {@code spring.ssl.bundle.pem.<name>}) holding the server's key and certificate chain
     */
    public record Ssl(@Nullable String bundle) {
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
