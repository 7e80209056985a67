package dev.switchboard.router.metrics;

import dev.switchboard.router.dealer.CallListener;
import dev.switchboard.router.dealer.Registration;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * {@code wamp.calls} (counter: realm, procedure, outcome), {@code wamp.call.duration} (timer with a percentile
 * histogram: realm, procedure) and {@code wamp.calls.pending} (gauge: realm, procedure; the calls accepted and not yet
 * answered, running at a callee or waiting in a call queue, the figure to scale callees on). The procedure tag is the
 * registration's URI pattern, so that calls to unknown procedures cannot create meters without bound ({@code none}
 * for them). One instance per realm, used only on its routing loop, so its meter caches need no locking; the gauges
 * read atomic counters.
 */
public final class CallMetrics implements CallListener {

    static final String NO_REGISTRATION = "none";

    private final MeterRegistry registry;
    private final String realm;
    private final Map<String, Map<String, Counter>> calls = new HashMap<>();
    private final Map<String, Timer> durations = new HashMap<>();
    private final Map<String, AtomicInteger> pending = new HashMap<>();

    public CallMetrics(MeterRegistry registry, String realm) {
        this.registry = registry;
        this.realm = realm;
    }

    @Override
    public void onCallAccepted(Registration registration) {
        pending(registration.pattern().uri()).incrementAndGet();
    }

    @Override
    public void onCallRefused(@Nullable Registration registration, String procedure, String outcome) {
        count(registration == null ? NO_REGISTRATION : registration.pattern().uri(), outcome);
    }

    @Override
    public void onCallEnded(Registration registration, String procedure, String outcome, long durationNanos) {
        String tag = registration.pattern().uri();
        pending(tag).decrementAndGet();
        count(tag, outcome);
        durations.computeIfAbsent(tag, t -> Timer.builder("wamp.call.duration")
                        .description("Time from CALL to its answer")
                        .tag("realm", realm).tag("procedure", t)
                        .publishPercentileHistogram()
                        .minimumExpectedValue(Duration.ofMillis(1).dividedBy(10))
                        .maximumExpectedValue(Duration.ofMinutes(5))
                        .register(registry))
                .record(durationNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void onCallAbandoned(Registration registration) {
        pending(registration.pattern().uri()).decrementAndGet();
    }

    private void count(String tag, String outcome) {
        calls.computeIfAbsent(tag, t -> new HashMap<>())
                .computeIfAbsent(outcome, o -> Counter.builder("wamp.calls")
                        .description("Calls answered, by procedure (registration pattern) and outcome")
                        .tag("realm", realm).tag("procedure", tag).tag("outcome", o)
                        .register(registry))
                .increment();
    }

    private AtomicInteger pending(String tag) {
        return pending.computeIfAbsent(tag, t -> {
            AtomicInteger count = new AtomicInteger();
            Gauge.builder("wamp.calls.pending", count, AtomicInteger::get)
                    .description("Calls accepted and not yet answered: running at a callee or waiting in its queue")
                    .tag("realm", realm).tag("procedure", t)
                    .register(registry);
            return count;
        });
    }
}
