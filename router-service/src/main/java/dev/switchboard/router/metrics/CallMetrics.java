package dev.switchboard.router.metrics;

import dev.switchboard.router.dealer.CallListener;
import dev.switchboard.router.dealer.Registration;
import dev.switchboard.wamp.ErrorUris;
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
 * answered, running at a callee or waiting in a call queue, the figure to scale callees on).
 *
 * <p>Clients choose procedure URIs and the error URIs callees answer with, so neither may create meters without
 * bound. The procedure tag is the registration's URI pattern ({@code none} for calls to unknown procedures), and a
 * pattern's meters are removed when its last registration is deleted. The outcome tag is {@code result}, an error URI
 * the router knows (the spec's {@code wamp.error.*}, {@code crossbar.error.max_concurrency_reached} and
 * Switchboard's own), or {@value #APPLICATION_ERROR} for any other error a callee returns.
 *
 * <p>One instance per realm, used only on its routing loop, so its meter caches need no locking; the gauges read
 * atomic counters.
 */
public final class CallMetrics implements CallListener {

    static final String NO_REGISTRATION = "none";
    /** The outcome of a call answered with an error URI the router does not know: an application's error. */
    public static final String APPLICATION_ERROR = "application_error";


    private final MeterRegistry registry;
    private final String realm;
    /** Procedure tag → live registrations with that URI (an exact and a prefix registration may share one). */
    private final Map<String, Integer> registrations = new HashMap<>();
    private final Map<String, Map<String, Counter>> calls = new HashMap<>();
    private final Map<String, Timer> durations = new HashMap<>();
    private final Map<String, Pending> pending = new HashMap<>();

    private record Pending(AtomicInteger count, Gauge gauge) {
    }

    public CallMetrics(MeterRegistry registry, String realm) {
        this.registry = registry;
        this.realm = realm;
    }

    /** The outcome tag for a call answered with {@code outcome} ({@code result} or an error URI). */
    static String outcomeTag(String outcome) {
        return outcome.equals("result") || ErrorUris.isStandard(outcome) ? outcome : APPLICATION_ERROR;
    }

    @Override
    public void onRegistrationCreated(Registration registration) {
        registrations.merge(registration.pattern().uri(), 1, Integer::sum);
    }

    @Override
    public void onRegistrationDeleted(Registration registration) {
        String tag = registration.pattern().uri();
        Integer left = registrations.computeIfPresent(tag, (t, count) -> count == 1 ? null : count - 1);
        if (left == null) {
            removeMeters(tag);
        }
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
                .computeIfAbsent(outcomeTag(outcome), o -> Counter.builder("wamp.calls")
                        .description("Calls answered, by procedure (registration pattern) and outcome")
                        .tag("realm", realm).tag("procedure", tag).tag("outcome", o)
                        .register(registry))
                .increment();
    }

    private AtomicInteger pending(String tag) {
        return pending.computeIfAbsent(tag, t -> {
            AtomicInteger count = new AtomicInteger();
            Gauge gauge = Gauge.builder("wamp.calls.pending", count, AtomicInteger::get)
                    .description("Calls accepted and not yet answered: running at a callee or waiting in its queue")
                    .tag("realm", realm).tag("procedure", t)
                    .register(registry);
            return new Pending(count, gauge);
        }).count();
    }

    private void removeMeters(String tag) {
        Map<String, Counter> counters = calls.remove(tag);
        if (counters != null) {
            counters.values().forEach(registry::remove);
        }
        Timer timer = durations.remove(tag);
        if (timer != null) {
            registry.remove(timer);
        }
        Pending gauge = pending.remove(tag);
        if (gauge != null) {
            registry.remove(gauge.gauge());
        }
    }
}
