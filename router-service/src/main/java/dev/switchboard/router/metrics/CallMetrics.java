package dev.switchboard.router.metrics;

import dev.switchboard.router.dealer.CallListener;
import dev.switchboard.router.dealer.Registration;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * {@code wamp.calls} (counter: realm, procedure, outcome) and {@code wamp.call.duration} (timer with a percentile
 * histogram: realm, procedure). The procedure tag is the registration's URI pattern, so that calls to unknown
 * procedures cannot create meters without bound ({@code none} for them). One instance per realm, used only on its
 * routing loop, so its meter cache needs no locking.
 */
public final class CallMetrics implements CallListener {

    static final String NO_REGISTRATION = "none";

    private final MeterRegistry registry;
    private final String realm;
    private final Map<String, Map<String, Counter>> calls = new HashMap<>();
    private final Map<String, Timer> durations = new HashMap<>();

    public CallMetrics(MeterRegistry registry, String realm) {
        this.registry = registry;
        this.realm = realm;
    }

    @Override
    public void onCallEnded(@Nullable Registration registration, String procedure, String outcome,
                            long durationNanos) {
        String tag = registration == null ? NO_REGISTRATION : registration.pattern().uri();
        calls.computeIfAbsent(tag, t -> new HashMap<>())
                .computeIfAbsent(outcome, o -> Counter.builder("wamp.calls")
                        .description("Calls answered, by procedure (registration pattern) and outcome")
                        .tag("realm", realm).tag("procedure", tag).tag("outcome", o)
                        .register(registry))
                .increment();
        if (durationNanos > 0) {
            durations.computeIfAbsent(tag, t -> Timer.builder("wamp.call.duration")
                            .description("Time from CALL to its answer")
                            .tag("realm", realm).tag("procedure", t)
                            .publishPercentileHistogram()
                            .minimumExpectedValue(Duration.ofMillis(1).dividedBy(10))
                            .maximumExpectedValue(Duration.ofMinutes(5))
                            .register(registry))
                    .record(durationNanos, TimeUnit.NANOSECONDS);
        }
    }
}
