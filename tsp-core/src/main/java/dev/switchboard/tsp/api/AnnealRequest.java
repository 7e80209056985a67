package dev.switchboard.tsp.api;

import java.util.List;
import java.util.Objects;

/**
 * The arguments of {@code tsp.compute.anneal}: anneal a tour of a known problem for a while.
 *
 * <p>Wire form (kwargs): {@code {problemId, tour: [c0, c1, ...], t0, t1, durationMs, seed}}.
 *
 * @param problemId the problem, fetched with {@code tsp.problem.get} and cached on first sight
 * @param tour the start tour, a permutation of {@code 0..n-1}
 * @param t0 the temperature at the start of the call, at least 0
 * @param t1 the temperature at the end of the call, at least 0
 * @param durationMs how long the call anneals, at least 0
 * @param seed the seed of the call's random numbers
 */
public record AnnealRequest(String problemId, List<Integer> tour, double t0, double t1, long durationMs,
        long seed) {

    public AnnealRequest {
        Objects.requireNonNull(problemId, "problemId");
        tour = List.copyOf(tour);
        if (!(t0 >= 0) || !(t1 >= 0) || Double.isInfinite(t0) || Double.isInfinite(t1)) {
            throw new IllegalArgumentException("temperatures must be finite and at least 0, got " + t0 + ", " + t1);
        }
        if (durationMs < 0) {
            throw new IllegalArgumentException("durationMs must be at least 0, got " + durationMs);
        }
    }

    /** The start tour as an array. */
    public int[] tourArray() {
        return tour.stream().mapToInt(Integer::intValue).toArray();
    }
}
