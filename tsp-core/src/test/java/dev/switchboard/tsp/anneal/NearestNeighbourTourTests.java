package dev.switchboard.tsp.anneal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.switchboard.tsp.City;
import dev.switchboard.tsp.Problem;
import dev.switchboard.tsp.RandomProblems;
import dev.switchboard.tsp.TestInstances;
import dev.switchboard.tsp.Tour;
import java.util.List;
import org.junit.jupiter.api.Test;

class NearestNeighbourTourTests {

    @Test
    void alwaysGoesToTheNearestUnvisitedCity() {
        for (Problem problem : List.of(RandomProblems.uniform(600, 11), TestInstances.problem("pr1002"))) {
            PreparedProblem prepared = PreparedProblem.of(problem, new PreparedProblem.Options(4, 0));

            assertThat(NearestNeighbourTour.build(prepared, 17).toArray()).containsExactly(bruteForce(problem, 17));
        }
    }

    @Test
    void startsAtTheGivenCityAndVisitsEveryCityOnce() {
        PreparedProblem prepared = PreparedProblem.of(TestInstances.problem("kroA100"));

        Tour tour = NearestNeighbourTour.build(prepared, 42);

        assertThat(tour.city(0)).isEqualTo(42);
        assertThat(tour.size()).isEqualTo(100);
    }

    @Test
    void handlesASingleCityAndRejectsAStartOutsideTheProblem() {
        PreparedProblem one = PreparedProblem.of(new Problem("one", List.of(new City(1, 1))));

        assertThat(NearestNeighbourTour.build(one, 0).toArray()).containsExactly(0);
        assertThatIllegalArgumentException().isThrownBy(() -> NearestNeighbourTour.build(one, 1));
    }

    private static int[] bruteForce(Problem problem, int start) {
        int n = problem.size();
        boolean[] visited = new boolean[n];
        int[] order = new int[n];
        order[0] = start;
        visited[start] = true;
        for (int i = 1; i < n; i++) {
            City here = problem.city(order[i - 1]);
            int best = -1;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int other = 0; other < n; other++) {
                double dx = here.x() - problem.city(other).x();
                double dy = here.y() - problem.city(other).y();
                double d = dx * dx + dy * dy;
                if (!visited[other] && d < bestDistance) {
                    best = other;
                    bestDistance = d;
                }
            }
            order[i] = best;
            visited[best] = true;
        }
        return order;
    }
}
