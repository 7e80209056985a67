package dev.switchboard.tsp.anneal;

import dev.switchboard.tsp.Tour;

/**
 * Evaluates the kernel's neighbour-list 2-opt deltas without applying any move: the cost of the kernel's
 * innermost step, for benchmarks and diagnostics.
 */
public final class TwoOptProbe {

    private final Moves moves;

    /** A probe on a copy of this tour. */
    public TwoOptProbe(PreparedProblem problem, int[] tour) {
        Tour.requirePermutation(tour, problem.size());
        this.moves = new Moves(problem, tour, MoveMix.TWO_OPT_ONLY);
    }

    /**
     * Evaluates this many random 2-opt moves and returns the sum of their deltas (invalid moves count 0; problems
     * of fewer than 4 cities have no moves).
     */
    public long sumOfDeltas(int evaluations, long seed) {
        long sum = 0;
        if (moves.n < 4) {
            return sum;
        }
        long state = seed;
        for (int i = 0; i < evaluations; i++) {
            state += SplitMix64.GAMMA;
            int delta = moves.evaluateTwoOpt(SplitMix64.mix(state));
            if (delta != Moves.NO_MOVE) {
                sum += delta;
            }
        }
        return sum;
    }
}
