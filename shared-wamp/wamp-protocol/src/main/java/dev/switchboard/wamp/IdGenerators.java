package dev.switchboard.wamp;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/** The generators behind {@link IdGenerator}'s factories, with the starting points and sources tests set. */
final class IdGenerators {

    private IdGenerators() {
    }

    /** 1, 2, 3, … after {@code last} (0 to start at 1), back to 1 after 2^53. */
    static IdGenerator sequentialAfter(long last) {
        if (last < 0 || last > IdGenerator.MAX_ID) {
            throw new IllegalArgumentException("the last id must lie in [0, 2^53], got " + last);
        }
        AtomicLong current = new AtomicLong(last);
        return () -> current.updateAndGet(id -> id >= IdGenerator.MAX_ID ? 1 : id + 1);
    }

    /** Uniformly at random from {@code [1, 2^53]}, drawn from the generator {@code source} gives at each call. */
    static IdGenerator random(Supplier<? extends RandomGenerator> source) {
        return () -> source.get().nextLong(1, IdGenerator.MAX_ID + 1);
    }
}
