package dev.switchboard.tsp.anneal;

/**
 * A small, fast, seeded random number generator (SplitMix64: a Weyl sequence through a 64-bit finaliser).
 *
 * <p>Not thread-safe: each annealing call owns its own state. The kernel's inner loop uses {@link #mix(long)}
 * directly on a local state so that drawing a number costs a few instructions and no memory traffic.
 */
public final class SplitMix64 {

    /** The Weyl increment (the golden ratio in 64-bit fixed point). */
    static final long GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    public SplitMix64(long seed) {
        this.state = seed;
    }

    /** The finaliser that turns consecutive states into independent-looking 64-bit numbers. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The next 64 random bits. */
    public long nextLong() {
        state += GAMMA;
        return mix(state);
    }

    /** A number in {@code [0, bound)}, by multiply-and-shift of 32 random bits. */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    /** A number in {@code [0, 1)} with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }
}
