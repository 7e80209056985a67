package dev.switchboard.router.transport;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * Counts the open connections of each remote IP address across both transports and refuses one more beyond
 * {@code switchboard.router.limits.connections-per-address}; refusals are counted on {@code wamp.limits.exceeded}
 * ({@code limit=connections-per-address}). Thread-safe; addresses without connections are forgotten.
 */
final class AddressLimiter {

    static final String LIMIT = "connections-per-address";

    /** A connection admitted and counted; released once, when it closes (further releases do nothing). */
    interface Lease {
        void release();
    }

    private static final Lease UNCOUNTED = () -> { };

    private final int max;
    private final Map<InetAddress, Integer> open = new ConcurrentHashMap<>();
    private final @Nullable Counter refused;

    AddressLimiter(int max, @Nullable MeterRegistry registry) {
        this.max = max;
        this.refused = registry == null ? null : Counter.builder("wamp.limits.exceeded")
                .description("Requests, sessions and connections refused by a configured limit")
                .tag("limit", LIMIT)
                .register(registry);
    }

    static AddressLimiter unlimited() {
        return new AddressLimiter(0, null);
    }

    /** A lease for one more connection from {@code remote}, or {@code null} when that address is at its limit. */
    @Nullable Lease acquire(@Nullable SocketAddress remote) {
        if (max == 0 || !(remote instanceof InetSocketAddress inet) || inet.getAddress() == null) {
            return UNCOUNTED;
        }
        InetAddress address = inet.getAddress();
        boolean[] admitted = new boolean[1];
        open.compute(address, (key, count) -> {
            int current = count == null ? 0 : count;
            admitted[0] = current < max;
            return admitted[0] ? current + 1 : count;
        });
        if (!admitted[0]) {
            if (refused != null) {
                refused.increment();
            }
            return null;
        }
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                open.computeIfPresent(address, (key, count) -> count <= 1 ? null : count - 1);
            }
        };
    }

    int max() {
        return max;
    }
}
