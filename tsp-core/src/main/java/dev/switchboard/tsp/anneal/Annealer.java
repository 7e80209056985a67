package dev.switchboard.tsp.anneal;

import dev.switchboard.tsp.Tour;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * The annealing kernel's entry point: improves a tour of a prepared problem by simulated annealing for a budget
 * and returns the best tour it saw.
 *
 * <p>Thread-safe: calls share only the immutable {@link PreparedProblem}. A call checks the clock and its
 * cancellation flag every few hundred proposals (microseconds), so it ends within about a millisecond of a time
 * budget and stops promptly when cancelled, returning the best tour so far.
 */
public final class Annealer {

    private final PreparedProblem problem;
    private final MoveMix mix;

    /** A kernel for this problem with the default move mix (half 2-opt, half Or-opt). */
    public Annealer(PreparedProblem problem) {
        this(problem, MoveMix.DEFAULT);
    }

    Annealer(PreparedProblem problem, MoveMix mix) {
        this.problem = Objects.requireNonNull(problem, "problem");
        this.mix = mix;
    }

    /** The problem this kernel anneals. */
    public PreparedProblem problem() {
        return problem;
    }

    /**
     * Anneals from a start tour.
     *
     * @param startTour a permutation of {@code 0..n-1}; not modified
     * @param schedule the temperature from the start to the end of the budget
     * @param budget how long to run
     * @param seed the seed of the call's random numbers; with a proposal budget the same seed gives the same result
     * @param cancelled polled with the clock; once it answers true the call returns the best tour so far
     * @throws IllegalArgumentException if the start tour is not a permutation of the problem's cities
     */
    public AnnealOutcome anneal(int[] startTour, Schedule schedule, Budget budget, long seed,
            BooleanSupplier cancelled) {
        Tour.requirePermutation(startTour, problem.size());
        return AnnealingRun.run(problem, startTour, Objects.requireNonNull(schedule, "schedule"),
                Objects.requireNonNull(budget, "budget"), seed, Objects.requireNonNull(cancelled, "cancelled"), mix);
    }

    /** Anneals from a start tour; see {@link #anneal(int[], Schedule, Budget, long, BooleanSupplier)}. */
    public AnnealOutcome anneal(Tour startTour, Schedule schedule, Budget budget, long seed,
            BooleanSupplier cancelled) {
        return anneal(startTour.toArray(), schedule, budget, seed, cancelled);
    }
}
