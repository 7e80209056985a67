package dev.switchboard.tsp.anneal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.tsp.City;
import dev.switchboard.tsp.Problem;
import dev.switchboard.tsp.RandomProblems;
import dev.switchboard.tsp.TestInstances;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NeighbourListsTests {

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 10, 16})
    void listTheNearestCitiesOfRandomInstancesNearestFirst(int k) {
        assertMatchesBruteForce(RandomProblems.uniform(700, k), k);
    }

    @Test
    void listTheNearestCitiesOfAClusteredInstance() {
        assertMatchesBruteForce(TestInstances.problem("pr1002"), 12);
    }

    @Test
    void breakTiesByIndexWhenCitiesShareAPlace() {
        List<City> cities = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            cities.add(new City(i % 4, 0));
        }
        assertMatchesBruteForce(new Problem("stacked", cities), 8);
    }

    @Test
    void holdEveryOtherCityWhenTheProblemIsSmall() {
        NeighbourLists lists = PreparedProblem.of(RandomProblems.uniform(4, 1)).neighbours();

        assertThat(lists.size()).isEqualTo(3);
        assertThatThrownBy(() -> lists.neighbour(0, 3)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void giveTheMeanNearestNeighbourDistance() {
        Problem line = new Problem("line", List.of(new City(0, 0), new City(10, 0), new City(30, 0)));

        assertThat(PreparedProblem.of(line).neighbours().meanNearestDistance()).isEqualTo((10 + 10 + 20) / 3.0);
    }

    private static void assertMatchesBruteForce(Problem problem, int k) {
        NeighbourLists lists = PreparedProblem.of(problem, new PreparedProblem.Options(k, 0)).neighbours();
        for (int city = 0; city < problem.size(); city++) {
            int from = city;
            City here = problem.city(city);
            int[] expected = IntStream.range(0, problem.size()).filter(other -> other != from).boxed()
                    .sorted(Comparator.<Integer>comparingDouble(other -> squared(here, problem.city(other)))
                            .thenComparingInt(other -> other))
                    .limit(k).mapToInt(Integer::intValue).toArray();
            int[] actual = IntStream.range(0, k).map(rank -> lists.neighbour(from, rank)).toArray();
            assertThat(actual).as("neighbours of %d", city).containsExactly(expected);
            for (int rank = 0; rank < k; rank++) {
                assertThat(lists.distance(city, rank)).isEqualTo(problem.distance(city, actual[rank]));
            }
        }
    }

    private static double squared(City a, City b) {
        double dx = a.x() - b.x();
        double dy = a.y() - b.y();
        return dx * dx + dy * dy;
    }
}
