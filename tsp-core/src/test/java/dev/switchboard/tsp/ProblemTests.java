package dev.switchboard.tsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemTests {

    @Test
    void measuresDistancesBetweenCitiesByIndex() {
        Problem problem = new Problem("square", List.of(new City(0, 0), new City(3, 4), new City(3, 0)));

        assertThat(problem.size()).isEqualTo(3);
        assertThat(problem.distance(0, 1)).isEqualTo(5);
        assertThat(problem.distance(1, 2)).isEqualTo(4);
    }

    @Test
    void keepsItsOwnCopyOfTheCities() {
        List<City> cities = new ArrayList<>(List.of(new City(0, 0)));
        Problem problem = new Problem("one", cities);
        cities.add(new City(1, 1));

        assertThat(problem.size()).isEqualTo(1);
    }

    @Test
    void needsANameAndAtLeastOneCity() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Problem(" ", List.of(new City(0, 0))));
        assertThatIllegalArgumentException().isThrownBy(() -> new Problem("empty", List.of()))
                .withMessageContaining("at least one city");
    }
}
