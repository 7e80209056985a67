package dev.switchboard.router.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down repeated authentication failures from one address: the first failure in a window is answered at once,
 * each further one waits twice as long as the one before (from {@code base} up to {@code max}). An address that has
 * not failed for a window starts afresh. Thread-safe; the number of addresses remembered is bounded.
 */
public final class AuthFailures {

    private static final int MAX_ADDRESSES = 10_000;

    private record Record(int failures, Instant last) {
    }

    private final Map<String, Record> byAddress = new ConcurrentHashMap<>();
    private final Duration window;
    private final Duration base;
    private final Duration max;
    private final Clock clock;

    public AuthFailures(Duration window, Duration base, Duration max, Clock clock) {
        this.window = window;
        this.base = base;
        this.max = max;
        this.clock = clock;
    }

    public static AuthFailures standard() {
        return new AuthFailures(Duration.ofMinutes(1), Duration.ofMillis(250), Duration.ofSeconds(5),
                Clock.systemUTC());
    }

    /** Records a failure from {@code address} and returns how long its refusal should wait. */
    public Duration failed(String address) {
        Instant now = clock.instant();
        if (byAddress.size() >= MAX_ADDRESSES) {
            byAddress.values().removeIf(r -> r.last().plus(window).isBefore(now));
        }
        Record record = byAddress.compute(address, (key, previous) ->
                previous == null || previous.last().plus(window).isBefore(now)
                        ? new Record(1, now) : new Record(previous.failures() + 1, now));
        if (record.failures() <= 1) {
            return Duration.ZERO;
        }
        Duration delay = base.multipliedBy(1L << Math.min(record.failures() - 2, 20));
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
