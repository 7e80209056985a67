package dev.switchboard.tsp.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.tsp.Tour;
import dev.switchboard.tsp.anneal.AnnealOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnnealResultTests {

    @Test
    void reportsAKernelOutcomeForTheInstanceThatComputedIt() {
        AnnealOutcome outcome = new AnnealOutcome(Tour.of(1, 2, 0), 42, 50, 1_000, 10, 3_500_000, false);

        AnnealResult result = AnnealResult.of(outcome, "compute-1");

        assertThat(result).isEqualTo(new AnnealResult(List.of(1, 2, 0), 42, 1_000, 10, 3, "compute-1"));
        assertThat(result.tourArray()).containsExactly(1, 2, 0);
    }
}
