package dev.switchboard.tsp.anneal;

/**
 * How long an annealing call runs: wall-clock time (what compute calls use) or a number of proposals (repeatable
 * runs for tests and benchmarks). The temperature follows the fraction of the budget used.
 */
public sealed interface Budget {

    /** A wall-clock budget; the call returns within about a millisecond after it is used up. */
    static Budget ofNanos(long nanos) {
        return new Time(nanos);
    }

    /** A wall-clock budget in milliseconds. */
    static Budget ofMillis(long millis) {
        return new Time(Math.multiplyExact(millis, 1_000_000L));
    }

    /** A budget of proposed moves: the same seed and start tour give the same result. */
    static Budget ofProposals(long proposals) {
        return new Proposals(proposals);
    }

    /** @param nanos the duration, at least 0 */
    record Time(long nanos) implements Budget {
        public Time {
            if (nanos < 0) {
                throw new IllegalArgumentException("a time budget must be at least 0, got " + nanos);
            }
        }
    }

    /** @param count the number of proposals, at least 0 */
    record Proposals(long count) implements Budget {
        public Proposals {
            if (count < 0) {
                throw new IllegalArgumentException("a proposal budget must be at least 0, got " + count);
            }
        }
    }
}
