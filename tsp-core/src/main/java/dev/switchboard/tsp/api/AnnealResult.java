package dev.switchboard.tsp.api;

import dev.switchboard.tsp.anneal.AnnealOutcome;
import java.util.List;
import java.util.Objects;

/**
 * The result of {@code tsp.compute.anneal}: the best tour seen during the call.
 *
 * <p>Wire form (kwargs): {@code {tour: [c0, c1, ...], length, proposals, accepted, elapsedMs, instanceId}}.
 *
 * @param tour the best tour seen, a permutation of {@code 0..n-1}
 * @param length its exact TSPLIB length
 * @param proposals the moves proposed during the call
 * @param accepted the moves accepted
 * @param elapsedMs the call's wall-clock time
 * @param instanceId the compute instance that did the work
 */
public record AnnealResult(List<Integer> tour, long length, long proposals, long accepted, long elapsedMs,
        String instanceId) {

    public AnnealResult {
        tour = List.copyOf(tour);
        Objects.requireNonNull(instanceId, "instanceId");
    }

    /** The result of a kernel call made by a compute instance. */
    public static AnnealResult of(AnnealOutcome outcome, String instanceId) {
        return new AnnealResult(outcome.tour().toList(), outcome.length(), outcome.proposals(), outcome.accepted(),
                outcome.elapsedNanos() / 1_000_000, instanceId);
    }

    /** The tour as an array. */
    public int[] tourArray() {
        return tour.stream().mapToInt(Integer::intValue).toArray();
    }
}
