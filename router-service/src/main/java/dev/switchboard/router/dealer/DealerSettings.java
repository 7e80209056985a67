package dev.switchboard.router.dealer;

import dev.switchboard.wamp.matching.UriPattern;
import dev.switchboard.wamp.matching.UriPatternIndex;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The dealer's limits.
 *
 * @param defaultTimeout the timeout of a call that sets none ({@link Duration#ZERO}: none)
 * @param maxTimeout     the longest timeout any call gets, whatever it asks for ({@link Duration#ZERO}: no cap)
 * @param callQueues     procedure patterns whose calls wait in a FIFO queue of the given capacity when every
 *                       callee is at its concurrency limit, instead of failing at once
 * @param maxPendingCalls how many calls one session may have waiting for their answer; a further CALL gets ERROR
 *                        {@code switchboard.error.too_many_pending_calls}. {@code 0}: no limit
 */
public record DealerSettings(Duration defaultTimeout, Duration maxTimeout, Map<UriPattern, Integer> callQueues,
                             int maxPendingCalls) {

    public static final DealerSettings DEFAULTS =
            new DealerSettings(Duration.ofMinutes(5), Duration.ofHours(1), Map.of());

    public DealerSettings {
        callQueues = Map.copyOf(callQueues);
        if (maxPendingCalls < 0) {
            throw new IllegalArgumentException("maxPendingCalls must not be negative, got " + maxPendingCalls);
        }
    }

    /** Settings without a limit of pending calls. */
    public DealerSettings(Duration defaultTimeout, Duration maxTimeout, Map<UriPattern, Integer> callQueues) {
        this(defaultTimeout, maxTimeout, callQueues, 0);
    }

    /** The timeout a call gets: what it asked for (0 = the default), capped by the maximum. */
    Duration timeoutFor(@Nullable Long requested) {
        Duration timeout = requested == null || requested == 0 ? defaultTimeout : Duration.ofMillis(requested);
        if (!maxTimeout.isZero() && (timeout.isZero() || timeout.compareTo(maxTimeout) > 0)) {
            return maxTimeout;
        }
        return timeout;
    }

    /** The call queue capacity for a registration of {@code procedure}: the best-matching configured pattern. */
    int queueCapacity(String procedure) {
        if (callQueues.isEmpty()) {
            return 0;
        }
        UriPatternIndex<Integer> index = new UriPatternIndex<>();
        callQueues.forEach(index::put);
        UriPatternIndex.Entry<Integer> best = index.bestMatch(procedure);
        return best == null ? 0 : best.value();
    }
}
