package dev.switchboard.router.transport;

import dev.switchboard.router.session.ConnectionAcceptor;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.handler.ssl.SslContext;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.netty.Connection;
import reactor.netty.DisposableServer;
import reactor.netty.NettyInbound;
import reactor.netty.resources.LoopResources;
import reactor.netty.tcp.TcpServer;

/**
 * The WAMP RawSocket transport: a Reactor Netty TCP server on its own port ({@code switchboard.router.transport
 * .rawsocket.port}), running on the web server's event loops when they are given. Started and stopped with the
 * application context (but not without a session layer to hand connections to); on stop it closes its connections,
 * then the listening socket.
 */
public final class RawSocketServer implements SmartLifecycle {

    static final String TYPE = "rawsocket";

    private static final Logger log = LoggerFactory.getLogger(RawSocketServer.class);
    private static final String DECODER = "switchboard.wamp.rawsocket";

    private final TransportProperties properties;
    private final @Nullable ConnectionAcceptor acceptor;
    private final TransportMetrics metrics;
    private final @Nullable LoopResources loops;
    private final AddressLimiter addresses;
    private final @Nullable SslContext tls;
    private final AtomicInteger admitted = new AtomicInteger();
    private volatile @Nullable DisposableServer server;

    RawSocketServer(TransportProperties properties, @Nullable ConnectionAcceptor acceptor, TransportMetrics metrics,
                    @Nullable LoopResources loops) {
        this(properties, acceptor, metrics, loops, AddressLimiter.unlimited(), null);
    }

    /**
     * @param addresses the limit of connections per remote address, shared with the WebSocket transport
     * @param tls       the server's TLS context; {@code null}: plain TCP
     */
    RawSocketServer(TransportProperties properties, @Nullable ConnectionAcceptor acceptor, TransportMetrics metrics,
                    @Nullable LoopResources loops, AddressLimiter addresses, @Nullable SslContext tls) {
        this.properties = properties;
        this.acceptor = acceptor;
        this.metrics = metrics;
        this.loops = loops;
        this.addresses = addresses;
        this.tls = tls;
    }

    /** The port the server listens on; {@code 0} picks one at start. */
    public int port() {
        DisposableServer running = server;
        if (running == null) {
            throw new IllegalStateException("the RawSocket server is not running");
        }
        return running.port();
    }

    @Override
    public synchronized void start() {
        ConnectionAcceptor sessions = acceptor;
        if (server != null || sessions == null) {
            return;
        }
        TransportProperties.RawSocket settings = properties.rawsocket();
        TcpServer tcp = TcpServer.create()
                .port(settings.port())
                .childOption(ChannelOption.TCP_NODELAY, true)
                .handle((in, out) -> connect(in, sessions));
        if (settings.host() != null) {
            tcp = tcp.host(settings.host());
        }
        if (loops != null) {
            tcp = tcp.runOn(loops);
        }
        SslContext context = tls;
        if (context != null) {
            tcp = tcp.secure(spec -> spec.sslContext(context));
        }
        DisposableServer bound = tcp.bindNow();
        server = bound;
        log.info("WAMP RawSocket transport listening on {}{}", bound.address(), context == null ? "" : " (TLS)");
    }

    @Override
    public synchronized void stop() {
        DisposableServer running = server;
        if (running == null) {
            return;
        }
        server = null;
        for (NettyConnection connection : metrics.connections()) {
            connection.requestClose(CloseReason.GOING_AWAY);
        }
        running.disposeNow(properties.closeTimeout());
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    /** Starts and stops with the web server. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }

    /** Runs on the new connection's event loop. */
    private Publisher<Void> connect(NettyInbound in, ConnectionAcceptor sessions) {
        Connection[] netty = new Connection[1];
        in.withConnection(c -> netty[0] = c);
        netty[0].addHandlerLast(DECODER, new RawSocketDecoder(properties.maxMessageSize().toBytes(),
                properties.rawsocket().minClientMaxLength().toBytes(), properties.pingTimeout().toNanos(),
                this::admit));
        in.receiveObject().subscribe(new RawSocketInbound(netty[0], sessions, properties, metrics));
        return netty[0].onDispose();
    }

    /**
     * Counts one more connection unless {@code max-connections} are open, or as many as
     * {@code limits.connections-per-address} from the same address.
     */
    private boolean admit(Channel channel) {
        AddressLimiter.Lease lease = addresses.acquire(channel.remoteAddress());
        if (lease == null) {
            return false;
        }
        int max = properties.rawsocket().maxConnections();
        if (max > 0) {
            int open;
            do {
                open = admitted.get();
                if (open >= max) {
                    lease.release();
                    return false;
                }
            } while (!admitted.compareAndSet(open, open + 1));
            channel.closeFuture().addListener(future -> admitted.decrementAndGet());
        }
        channel.closeFuture().addListener(future -> lease.release());
        return true;
    }
}
