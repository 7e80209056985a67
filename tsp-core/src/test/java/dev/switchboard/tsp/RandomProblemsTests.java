package dev.switchboard.tsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class RandomProblemsTests {

    @Test
    void theSameSeedGivesTheSameCities() {
        assertThat(RandomProblems.uniform(100, 42)).isEqualTo(RandomProblems.uniform(100, 42));
        assertThat(RandomProblems.uniform(100, 42).cities())
                .isNotEqualTo(RandomProblems.uniform(100, 43).cities());
    }

    @Test
    void placesIntegerCitiesInsideTheSquare() {
        Problem problem = RandomProblems.uniform(1000, 7);

        assertThat(problem.size()).isEqualTo(1000);
        assertThat(problem.name()).isEqualTo("random-1000-7");
        assertThat(problem.cities()).allSatisfy(city -> {
            assertThat(city.x()).isBetween(0.0, RandomProblems.SIDE - 1.0).isEqualTo(Math.rint(city.x()));
            assertThat(city.y()).isBetween(0.0, RandomProblems.SIDE - 1.0).isEqualTo(Math.rint(city.y()));
        });
    }

    @Test
    void needsAtLeastOneCity() {
        assertThatIllegalArgumentException().isThrownBy(() -> RandomProblems.uniform(0, 1));
    }
}
