package dev.switchboard.router.session;

import java.util.function.LongSupplier;

/**
 * A token bucket for the messages of one session: it holds up to {@code burst} tokens, gains {@code perSecond} a
 * second, and each message takes one. Used by the one thread that reads the session's connection at a time, so it
 * needs no locking.
 */
final class MessageRate {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final double perNano;
    private final double burst;
    private final LongSupplier nanoTime;
    private double tokens;
    private long last;

    /**
     * @param perSecond messages a second, on average; more than 0
     * @param burst     messages at once; at least 1
     * @param nanoTime  the clock, {@link System#nanoTime} but in tests
     */
    MessageRate(int perSecond, int burst, LongSupplier nanoTime) {
        this.perNano = (double) perSecond / NANOS_PER_SECOND;
        this.burst = burst;
        this.nanoTime = nanoTime;
        this.tokens = burst;
        this.last = nanoTime.getAsLong();
    }

    /** Takes a token for one message: {@code false} when none is left, i.e. the session sends too fast. */
    boolean tryAcquire() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(burst, tokens + (now - last) * perNano);
        last = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
