package dev.switchboard.tsp;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded random problem instances: the same size and seed always give the same cities. */
public final class RandomProblems {

    /** Coordinates are integers in {@code [0, SIDE)}, like most TSPLIB instances. */
    public static final int SIDE = 100_000;

    private RandomProblems() {
    }

    /**
     * Cities with integer coordinates drawn uniformly from the square {@code [0, SIDE)²}.
     *
     * @param size the number of cities, at least 1
     * @param seed the seed; the problem is named {@code random-<size>-<seed>}
     */
    public static Problem uniform(int size, long seed) {
        if (size < 1) {
            throw new IllegalArgumentException("a random problem needs at least one city, got " + size);
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<City> cities = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            cities.add(new City(random.nextInt(SIDE), random.nextInt(SIDE)));
        }
        return new Problem("random-" + size + "-" + seed, cities);
    }
}
