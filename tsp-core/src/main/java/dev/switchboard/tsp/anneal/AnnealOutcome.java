package dev.switchboard.tsp.anneal;

import dev.switchboard.tsp.Tour;
import java.util.Objects;

/**
 * What one annealing call produced.
 *
 * @param tour the best tour seen during the call (not the last one)
 * @param length the tour's exact length, recomputed from the distances
 * @param startLength the start tour's length
 * @param proposals the moves proposed
 * @param accepted the moves accepted
 * @param elapsedNanos the call's wall-clock time
 * @param cancelled whether the call stopped early because it was cancelled
 */
public record AnnealOutcome(Tour tour, long length, long startLength, long proposals, long accepted,
        long elapsedNanos, boolean cancelled) {

    public AnnealOutcome {
        Objects.requireNonNull(tour, "tour");
    }
}
