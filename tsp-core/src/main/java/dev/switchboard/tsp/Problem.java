package dev.switchboard.tsp;

import java.util.List;
import java.util.Objects;

/**
 * A symmetric Euclidean travelling-salesman problem: visit every city once and return to the start.
 *
 * <p>Cities are numbered by their index in {@link #cities()}, {@code 0..size()-1}; tours are orders of those
 * indices. Distances are TSPLIB {@code EUC_2D} integers ({@link Distances#nint(City, City)}).
 *
 * @param name a non-blank name, e.g. the TSPLIB {@code NAME}
 * @param cities at least one city
 */
public record Problem(String name, List<City> cities) {

    public Problem {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a problem needs a non-blank name");
        }
        cities = List.copyOf(cities);
        if (cities.isEmpty()) {
            throw new IllegalArgumentException("a problem needs at least one city");
        }
    }

    /** The number of cities. */
    public int size() {
        return cities.size();
    }

    /** The city with this index. */
    public City city(int index) {
        return cities.get(index);
    }

    /** The TSPLIB distance between two cities given by index. */
    public int distance(int from, int to) {
        return Distances.nint(cities.get(from), cities.get(to));
    }
}
