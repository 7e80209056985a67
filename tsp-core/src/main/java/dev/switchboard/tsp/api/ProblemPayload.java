package dev.switchboard.tsp.api;

import dev.switchboard.tsp.City;
import dev.switchboard.tsp.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A problem as it travels: the result of {@code tsp.problem.get} and the inline form of {@code tsp.solve}'s
 * {@code problem} argument.
 *
 * <p>Wire form: {@code {name, cities: [[x, y], ...]}}; city {@code i} of a tour is {@code cities[i]}.
 *
 * @param name the problem's name
 * @param cities each city as a two-element list {@code [x, y]}
 */
public record ProblemPayload(String name, List<List<Double>> cities) {

    public ProblemPayload {
        Objects.requireNonNull(name, "name");
        List<List<Double>> copy = new ArrayList<>(cities.size());
        for (int i = 0; i < cities.size(); i++) {
            List<Double> city = List.copyOf(cities.get(i));
            if (city.size() != 2) {
                throw new IllegalArgumentException("city " + i + " needs [x, y], got " + city);
            }
            copy.add(city);
        }
        cities = List.copyOf(copy);
    }

    /** The payload of a problem. */
    public static ProblemPayload of(Problem problem) {
        return new ProblemPayload(problem.name(),
                problem.cities().stream().map(city -> List.of(city.x(), city.y())).toList());
    }

    /**
     * The problem this payload describes.
     *
     * @throws IllegalArgumentException if the name is blank, there are no cities or a coordinate is not finite
     */
    public Problem toProblem() {
        return new Problem(name, cities.stream().map(city -> new City(city.get(0), city.get(1))).toList());
    }
}
