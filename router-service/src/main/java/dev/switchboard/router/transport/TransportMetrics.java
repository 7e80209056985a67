package dev.switchboard.router.transport;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The meters of one transport type, tagged {@code transport=websocket|rawsocket}, and the set of its open
 * connections. Nothing here runs per message but the two counters, which are bumped only on failures; the gauges
 * walk the open connections when they are read.
 *
 * <ul>
 * <li>{@code wamp.transport.connections}: open connections;</li>
 * <li>{@code wamp.transport.outbound.queued}: messages waiting in all outbound queues;</li>
 * <li>{@code wamp.transport.outbound.queued.max}: the longest outbound queue;</li>
 * <li>{@code wamp.transport.outbound.overflows}: connections closed because their outbound queue was full;</li>
 * <li>{@code wamp.transport.protocol.violations}: frames that did not decode, were too big or were otherwise
 * not allowed.</li>
 * </ul>
 */
final class TransportMetrics {

    private final String transport;
    private final Set<NettyConnection> open = ConcurrentHashMap.newKeySet();
    private final Counter overflows;
    private final Counter violations;
    private final Counter refusedOrigins;

    TransportMetrics(MeterRegistry registry, String transport) {
        this.transport = transport;
        Gauge.builder("wamp.transport.connections", open, Set::size)
                .tag("transport", transport)
                .description("Open WAMP transport connections")
                .register(registry);
        Gauge.builder("wamp.transport.outbound.queued", this, TransportMetrics::queued)
                .tag("transport", transport)
                .description("Messages waiting in the outbound queues of all connections")
                .register(registry);
        Gauge.builder("wamp.transport.outbound.queued.max", this, TransportMetrics::longestQueue)
                .tag("transport", transport)
                .description("Messages waiting in the longest outbound queue")
                .register(registry);
        overflows = Counter.builder("wamp.transport.outbound.overflows")
                .tag("transport", transport)
                .description("Connections closed because their outbound queue was full")
                .register(registry);
        violations = Counter.builder("wamp.transport.protocol.violations")
                .tag("transport", transport)
                .description("Inbound frames that broke the protocol (undecodable, too big, not allowed)")
                .register(registry);
        refusedOrigins = Counter.builder("wamp.transport.origins.refused")
                .tag("transport", transport)
                .description("WebSocket handshakes refused because their Origin is not allowed")
                .register(registry);
    }

    void originRefused() {
        refusedOrigins.increment();
    }

    String transport() {
        return transport;
    }

    void opened(NettyConnection connection) {
        open.add(connection);
    }

    void closed(NettyConnection connection) {
        open.remove(connection);
    }

    void overflow() {
        overflows.increment();
    }

    void violation() {
        violations.increment();
    }

    /** A snapshot of the open connections. */
    Set<NettyConnection> connections() {
        return Set.copyOf(open);
    }

    private double queued() {
        long sum = 0;
        for (NettyConnection connection : open) {
            sum += connection.queued();
        }
        return sum;
    }

    private double longestQueue() {
        int max = 0;
        for (NettyConnection connection : open) {
            max = Math.max(max, connection.queued());
        }
        return max;
    }
}
