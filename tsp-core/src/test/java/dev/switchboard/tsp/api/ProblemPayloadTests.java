package dev.switchboard.tsp.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.switchboard.tsp.City;
import dev.switchboard.tsp.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemPayloadTests {

    @Test
    void carriesAProblemAsPairsOfCoordinatesAndBack() {
        Problem problem = new Problem("three", List.of(new City(1, 2), new City(3.5, 4), new City(0, 0)));

        ProblemPayload payload = ProblemPayload.of(problem);

        assertThat(payload.cities()).containsExactly(List.of(1.0, 2.0), List.of(3.5, 4.0), List.of(0.0, 0.0));
        assertThat(payload.toProblem()).isEqualTo(problem);
    }

    @Test
    void rejectsCitiesThatAreNotPairs() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ProblemPayload("bad", List.of(List.of(1.0, 2.0), List.of(1.0))))
                .withMessage("city 1 needs [x, y], got [1.0]");
    }

    @Test
    void rejectsPayloadsThatAreNotProblems() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ProblemPayload("none", List.of()).toProblem());
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ProblemPayload("nan", List.of(List.of(Double.NaN, 0.0))).toProblem());
    }
}
