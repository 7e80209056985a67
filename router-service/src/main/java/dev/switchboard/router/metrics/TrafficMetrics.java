package dev.switchboard.router.metrics;

import dev.switchboard.router.session.Traffic;
import dev.switchboard.wamp.codec.MessageNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code wamp.messages} (counter: direction {@code in}/{@code out}, type {@code CALL}, {@code EVENT}, ...). Counters
 * for the message types WAMP defines are made once, so counting is an array lookup and an atomic add.
 */
public final class TrafficMetrics implements Traffic {

    private static final int TYPES = 71; // message type codes 1..70; EVENT_RECEIVED (337) is counted as "other"

    private final Counter[] in = new Counter[TYPES + 1];
    private final Counter[] out = new Counter[TYPES + 1];

    public TrafficMetrics(MeterRegistry registry) {
        for (int type = 0; type <= TYPES; type++) {
            String name = type < TYPES ? MessageNames.of(type) : "OTHER";
            if (type == TYPES || !name.startsWith("MESSAGE(")) {
                in[type] = counter(registry, "in", name);
                out[type] = counter(registry, "out", name);
            }
        }
    }

    private static Counter counter(MeterRegistry registry, String direction, String type) {
        return Counter.builder("wamp.messages")
                .description("WAMP messages by direction and type")
                .tag("direction", direction)
                .tag("type", type)
                .register(registry);
    }

    @Override
    public void received(int type) {
        count(in, type);
    }

    @Override
    public void sent(int type) {
        count(out, type);
    }

    private static void count(Counter[] counters, int type) {
        Counter counter = type > 0 && type < TYPES ? counters[type] : null;
        (counter != null ? counter : counters[TYPES]).increment();
    }
}
