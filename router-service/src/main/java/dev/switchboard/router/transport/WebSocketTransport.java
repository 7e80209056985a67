package dev.switchboard.router.transport;

import dev.switchboard.router.session.ConnectionAcceptor;
import dev.switchboard.router.session.TransportInfo;
import dev.switchboard.wamp.codec.Serialization;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.WebsocketServerSpec;
import reactor.netty.http.websocket.WebsocketInbound;

/**
 * The WAMP WebSocket endpoint on the WebFlux server. Negotiates the subprotocol before the upgrade: a request that
 * offers none of {@code wamp.2.json}, {@code wamp.2.msgpack}, {@code wamp.2.cbor} is refused with HTTP 400 and a
 * reason naming them (WAMP requires the subprotocol to be negotiated); a plain HTTP request gets 426, as does another
 * WebSocket version, and an incomplete opening handshake 400, before the response is committed. Then upgrades
 * with Reactor Netty and hands the connection to the session layer. On shutdown it closes its connections
 * (close code 1001) before the web server's graceful shutdown waits for them.
 */
final class WebSocketTransport implements WebHandler, SmartLifecycle {

    static final String TYPE = "websocket";

    private static final Logger log = LoggerFactory.getLogger(WebSocketTransport.class);
    private static final String SUPPORTED = Arrays.stream(Serialization.values())
            .map(Serialization::subprotocol)
            .collect(Collectors.joining(", "));

    private final TransportProperties properties;
    private final @Nullable ConnectionAcceptor acceptor;
    private final TransportMetrics metrics;
    private final AddressLimiter addresses;
    /** True from the start: the web server may pass requests on before the lifecycle phase of this bean begins. */
    private volatile boolean running = true;

    WebSocketTransport(TransportProperties properties, @Nullable ConnectionAcceptor acceptor,
                       TransportMetrics metrics) {
        this(properties, acceptor, metrics, AddressLimiter.unlimited());
    }

    WebSocketTransport(TransportProperties properties, @Nullable ConnectionAcceptor acceptor,
                       TransportMetrics metrics, AddressLimiter addresses) {
        this.properties = properties;
        this.acceptor = acceptor;
        this.metrics = metrics;
        this.addresses = addresses;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        ConnectionAcceptor sessions = acceptor;
        if (sessions == null || !running) {
            return refuse(exchange, HttpStatus.SERVICE_UNAVAILABLE, sessions == null
                    ? "This router has no WAMP session layer configured" : "This router is shutting down");
        }
        if (request.getMethod() != HttpMethod.GET) {
            exchange.getResponse().getHeaders().setAllow(Set.of(HttpMethod.GET));
            return refuse(exchange, HttpStatus.METHOD_NOT_ALLOWED, "A WAMP WebSocket is opened with GET");
        }
        if (!"websocket".equalsIgnoreCase(request.getHeaders().getUpgrade())) {
            exchange.getResponse().getHeaders().set(HttpHeaders.UPGRADE, "websocket");
            exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, HttpHeaders.UPGRADE);
            return refuse(exchange, HttpStatus.UPGRADE_REQUIRED,
                    "This is a WAMP endpoint: open a WebSocket with one of the subprotocols " + SUPPORTED);
        }
        String origin = request.getHeaders().getOrigin();
        if (!properties.websocket().admits(origin)) {
            metrics.originRefused();
            return refuse(exchange, HttpStatus.FORBIDDEN, "WebSocket connections from origin " + origin
                    + " are not allowed");
        }
        // checked before the response is committed: a handshake Netty refuses after that would be answered 200 OK
        if (!"13".equals(request.getHeaders().getFirst("Sec-WebSocket-Version"))) {
            exchange.getResponse().getHeaders().set("Sec-WebSocket-Version", "13");
            return refuse(exchange, HttpStatus.UPGRADE_REQUIRED, "This router speaks WebSocket version 13 (RFC 6455)");
        }
        if (!isHandshake(request.getHeaders())) {
            return refuse(exchange, HttpStatus.BAD_REQUEST,
                    "Not a WebSocket handshake: it needs Connection: Upgrade and a Sec-WebSocket-Key (RFC 6455)");
        }
        List<String> offered = offeredSubprotocols(request.getHeaders());
        Serialization serialization = offered.stream()
                .map(Serialization::fromSubprotocol)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
        if (serialization == null) {
            return refuse(exchange, HttpStatus.BAD_REQUEST, "No supported WebSocket subprotocol offered ("
                    + (offered.isEmpty() ? "none" : String.join(", ", offered)) + "); this router speaks " + SUPPORTED);
        }
        AddressLimiter.Lease lease = addresses.acquire(request.getRemoteAddress());
        if (lease == null) {
            return refuse(exchange, HttpStatus.TOO_MANY_REQUESTS, "Too many connections from this address: at most "
                    + addresses.max() + " may be open at once");
        }
        TransportInfo info = new TransportInfo(TYPE, serialization, PeerAddress.describe(request.getRemoteAddress()),
                headers(request.getHeaders()), request.getSslInfo() != null);
        HttpServerResponse upgrade = ServerHttpResponseDecorator.getNativeResponse(exchange.getResponse());
        WebsocketServerSpec spec = WebsocketServerSpec.builder()
                .protocols(serialization.subprotocol())
                .maxFramePayloadLength(maxMessageSize())
                .handlePing(false) // Reactor Netty answers the peer's pings
                .build();
        // as Spring's ReactorNettyRequestUpgradeStrategy does: commit the response (pre-commit actions), then upgrade
        // the lease ends with the connection, or with an upgrade that fails before there is one
        return exchange.getResponse().setComplete()
                .then(Mono.defer(() -> upgrade.sendWebsocket(
                        (in, out) -> connect(in, serialization, info, sessions, lease), spec)))
                .doOnError(error -> lease.release())
                .doOnCancel(lease::release);
    }

    /** Runs on the connection's event loop once the upgrade response is written. */
    private Publisher<Void> connect(WebsocketInbound in, Serialization serialization,
                                    TransportInfo info, ConnectionAcceptor sessions, AddressLimiter.Lease lease) {
        Connection[] netty = new Connection[1];
        in.withConnection(c -> netty[0] = c);
        netty[0].onDispose(lease::release);
        in.aggregateFrames(maxMessageSize());
        WebSocketConnection connection =
                new WebSocketConnection(netty[0].channel(), serialization, info, properties, metrics);
        netty[0].addHandlerLast(WritabilityListener.NAME, connection.writabilityListener());
        connection.open(sessions);
        in.receiveObject().subscribe(connection);
        return netty[0].onDispose();
    }

    private int maxMessageSize() {
        return (int) properties.maxMessageSize().toBytes();
    }

    /** Whether the request has the headers of an opening handshake besides Upgrade and the version (RFC 6455 4.1). */
    private static boolean isHandshake(HttpHeaders headers) {
        String key = headers.getFirst("Sec-WebSocket-Key");
        return key != null && !key.isBlank()
                && headers.getConnection().stream().anyMatch(token -> token.strip().equalsIgnoreCase("upgrade"));
    }

    /** Every offered subprotocol, in the client's order of preference, from all Sec-WebSocket-Protocol headers. */
    private static List<String> offeredSubprotocols(HttpHeaders headers) {
        List<String> offered = new ArrayList<>();
        for (String header : headers.getOrEmpty("Sec-WebSocket-Protocol")) {
            for (String protocol : header.split(",")) {
                if (!protocol.isBlank()) {
                    offered.add(protocol.strip());
                }
            }
        }
        return offered;
    }

    private static Map<String, String> headers(HttpHeaders headers) {
        Map<String, String> map = new HashMap<>();
        headers.forEach((name, values) -> map.merge(name.toLowerCase(Locale.ROOT), String.join(", ", values),
                (first, second) -> first + ", " + second));
        return map;
    }

    private static Mono<Void> refuse(ServerWebExchange exchange, HttpStatus status, String reason) {
        log.debug("Refusing {} {} from {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                exchange.getRequest().getRemoteAddress(), reason);
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8));
        byte[] body = (reason + "\n").getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        for (NettyConnection connection : metrics.connections()) {
            connection.requestClose(CloseReason.GOING_AWAY);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the web server's graceful shutdown (phase {@code DEFAULT_PHASE - 1024}) waits for connections. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 512;
    }
}
