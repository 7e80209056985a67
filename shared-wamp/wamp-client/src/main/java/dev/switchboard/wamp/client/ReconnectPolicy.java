package dev.switchboard.wamp.client;

import java.time.Duration;

/**
 * When a client tries again after a connection failed or was lost: exponential backoff with jitter and a cap. The
 * n-th attempt in a row (n = 1, 2, …) waits {@code min(maxDelay, initialDelay × multiplier^(n-1))}, less a random
 * share of up to {@code jitter} of it, so that clients that lost one router do not all come back at once. The count
 * starts again once a session is established.
 *
 * @param initialDelay the delay before the first retry
 * @param maxDelay     the cap on any delay
 * @param multiplier   the growth factor per attempt, at least 1
 * @param jitter       the share of each delay that is random, from 0 (none) to 1
 * @param maxAttempts  how many retries in a row before the client gives up and is {@code DISCONNECTED};
 *                     {@code 0}: never retry; {@link Integer#MAX_VALUE}: never give up
 */
public record ReconnectPolicy(Duration initialDelay, Duration maxDelay, double multiplier, double jitter,
                              int maxAttempts) {

    /** 200 ms doubling up to 30 s, half of it random, never giving up. */
    public static final ReconnectPolicy DEFAULT =
            new ReconnectPolicy(Duration.ofMillis(200), Duration.ofSeconds(30), 2.0, 0.5, Integer.MAX_VALUE);

    /** No retries: a lost connection leaves the client {@code DISCONNECTED}. */
    public static final ReconnectPolicy NEVER = new ReconnectPolicy(Duration.ZERO, Duration.ZERO, 1.0, 0.0, 0);

    public ReconnectPolicy {
        if (initialDelay.isNegative() || maxDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("delays must satisfy 0 <= initialDelay <= maxDelay");
        }
        if (!(multiplier >= 1.0)) {
            throw new IllegalArgumentException("multiplier must be at least 1, not " + multiplier);
        }
        if (!(jitter >= 0.0 && jitter <= 1.0)) {
            throw new IllegalArgumentException("jitter must lie in [0, 1], not " + jitter);
        }
        if (maxAttempts < 0) {
            throw new IllegalArgumentException("maxAttempts must not be negative");
        }
    }

    /** Exponential backoff (doubling, half random) from {@code initialDelay} up to {@code maxDelay}, forever. */
    public static ReconnectPolicy exponential(Duration initialDelay, Duration maxDelay) {
        return new ReconnectPolicy(initialDelay, maxDelay, 2.0, 0.5, Integer.MAX_VALUE);
    }

    /** This policy, giving up after {@code maxAttempts} retries in a row. */
    public ReconnectPolicy withMaxAttempts(int maxAttempts) {
        return new ReconnectPolicy(initialDelay, maxDelay, multiplier, jitter, maxAttempts);
    }
}
