package dev.switchboard.router.metrics;

import dev.switchboard.router.routing.LimitListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code wamp.limits.exceeded} (counter: limit): what the configured limits refused. The transports count
 * {@code connections-per-address} on the same meter.
 */
public final class LimitMetrics implements LimitListener {

    public static final String METER = "wamp.limits.exceeded";

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public LimitMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void onLimitExceeded(String limit) {
        counters.computeIfAbsent(limit, l -> Counter.builder(METER)
                        .description("Requests, sessions and connections refused by a configured limit")
                        .tag("limit", l)
                        .register(registry))
                .increment();
    }
}
