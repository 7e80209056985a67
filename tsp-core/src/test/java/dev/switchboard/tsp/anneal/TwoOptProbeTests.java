package dev.switchboard.tsp.anneal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.switchboard.tsp.TestInstances;
import dev.switchboard.tsp.Tour;
import org.junit.jupiter.api.Test;

class TwoOptProbeTests {

    private final PreparedProblem problem = PreparedProblem.of(TestInstances.problem("kroA100"));

    @Test
    void sumsNonNegativeDeltasOnTheOptimalTourRepeatably() {
        TwoOptProbe probe = new TwoOptProbe(problem, TestInstances.optimalTour("kroA100").toArray());

        long sum = probe.sumOfDeltas(100_000, 1);

        assertThat(sum).isPositive().isEqualTo(probe.sumOfDeltas(100_000, 1));
    }

    @Test
    void rejectsATourOfAnotherProblem() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TwoOptProbe(problem, Tour.identity(5).toArray()));
    }
}
