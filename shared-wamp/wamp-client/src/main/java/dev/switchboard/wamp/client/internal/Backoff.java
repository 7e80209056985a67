package dev.switchboard.wamp.client.internal;

import dev.switchboard.wamp.client.ReconnectPolicy;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/** The delays of a {@link ReconnectPolicy}: exponential, capped, with jitter. */
final class Backoff {

    private final ReconnectPolicy policy;
    private final DoubleSupplier random;

    /** @param random values in [0, 1), e.g. {@code ThreadLocalRandom.current()::nextDouble} */
    Backoff(ReconnectPolicy policy, DoubleSupplier random) {
        this.policy = policy;
        this.random = random;
    }

    /** Whether the {@code attempt}-th retry in a row (from 1) may be made. */
    boolean allows(int attempt) {
        return attempt <= policy.maxAttempts();
    }

    /** The delay before the {@code attempt}-th retry in a row (from 1). */
    Duration delay(int attempt) {
        double base = policy.initialDelay().toNanos() * Math.pow(policy.multiplier(), Math.max(0, attempt - 1));
        double capped = Math.min(base, policy.maxDelay().toNanos());
        double jittered = capped * (1.0 - policy.jitter() * random.getAsDouble());
        return Duration.ofNanos((long) jittered);
    }
}
