package dev.switchboard.tsp.anneal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.switchboard.tsp.Problem;
import dev.switchboard.tsp.TestInstances;
import dev.switchboard.tsp.Tour;
import org.junit.jupiter.api.Test;

class PreparedProblemTests {

    private final Problem problem = TestInstances.problem("a280");

    @Test
    void matrixAndComputedDistancesAgreeWithTheProblem() {
        PreparedProblem matrix = PreparedProblem.of(problem, new PreparedProblem.Options(10, 1000));
        PreparedProblem computed = PreparedProblem.of(problem, new PreparedProblem.Options(10, 0));

        assertThat(matrix.hasMatrix()).isTrue();
        assertThat(computed.hasMatrix()).isFalse();
        for (int i = 0; i < problem.size(); i++) {
            for (int j = 0; j < problem.size(); j++) {
                assertThat(matrix.distance(i, j)).isEqualTo(problem.distance(i, j));
                assertThat(computed.distance(i, j)).isEqualTo(problem.distance(i, j));
            }
        }
    }

    @Test
    void measuresToursLikeTheProblem() {
        Tour optimal = TestInstances.optimalTour("a280");

        assertThat(PreparedProblem.of(problem).length(optimal)).isEqualTo(2579);
        assertThatIllegalArgumentException().isThrownBy(() -> PreparedProblem.of(problem).length(new int[] {0, 1}));
    }

    @Test
    void rejectsOptionsOutsideTheirRange() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PreparedProblem.Options(0, 10));
        assertThatIllegalArgumentException().isThrownBy(() -> new PreparedProblem.Options(65, 10));
        assertThatIllegalArgumentException().isThrownBy(() -> new PreparedProblem.Options(10, 50_000));
    }
}
