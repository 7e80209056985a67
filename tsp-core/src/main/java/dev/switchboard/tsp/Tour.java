package dev.switchboard.tsp;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An immutable tour: a permutation of the city indices {@code 0..n-1}, read as a cycle (the last city returns to
 * the first).
 *
 * <p>The static methods check and measure plain {@code int[]} orders, for code that works on arrays.
 */
public final class Tour {

    private final int[] order;

    private Tour(int[] order) {
        this.order = order;
    }

    /** A tour visiting the cities in this order; the order must be a permutation of {@code 0..order.length-1}. */
    public static Tour of(int... order) {
        int[] copy = order.clone();
        requirePermutation(copy, copy.length);
        return new Tour(copy);
    }

    /** A tour visiting the cities in this order; the order must be a permutation of {@code 0..order.size()-1}. */
    public static Tour of(List<Integer> order) {
        int[] copy = new int[order.size()];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = order.get(i);
        }
        requirePermutation(copy, copy.length);
        return new Tour(copy);
    }

    /** The tour {@code 0, 1, ..., size-1}. */
    public static Tour identity(int size) {
        int[] order = new int[size];
        Arrays.setAll(order, i -> i);
        return new Tour(order);
    }

    /** Whether the order visits each of the cities {@code 0..size-1} exactly once. */
    public static boolean isPermutation(int[] order, int size) {
        return permutationError(order, size) == null;
    }

    /**
     * Checks that the order visits each of the cities {@code 0..size-1} exactly once.
     *
     * @throws IllegalArgumentException naming the first problem found
     */
    public static void requirePermutation(int[] order, int size) {
        String error = permutationError(order, size);
        if (error != null) {
            throw new IllegalArgumentException(error);
        }
    }

    /** The length of the closed tour through the problem's cities in this order. */
    public static long length(Problem problem, int[] order) {
        requirePermutation(order, problem.size());
        long length = 0;
        for (int i = 0, previous = order[order.length - 1]; i < order.length; i++) {
            length += problem.distance(previous, order[i]);
            previous = order[i];
        }
        return length;
    }

    private static @Nullable String permutationError(int[] order, int size) {
        if (order.length != size) {
            return "a tour of " + size + " cities needs " + size + " entries, got " + order.length;
        }
        int[] seenAt = new int[size];
        for (int position = 0; position < order.length; position++) {
            int city = order[position];
            if (city < 0 || city >= size) {
                return "city " + city + " at position " + position + " is outside 0.." + (size - 1);
            }
            if (seenAt[city] != 0) {
                return "city " + city + " appears twice, at positions " + (seenAt[city] - 1) + " and " + position;
            }
            seenAt[city] = position + 1;
        }
        return null;
    }

    /** The number of cities. */
    public int size() {
        return order.length;
    }

    /** The city visited at this position. */
    public int city(int position) {
        return order[position];
    }

    /** A copy of the order. */
    public int[] toArray() {
        return order.clone();
    }

    /** The order as an unmodifiable list. */
    public List<Integer> toList() {
        return Arrays.stream(order).boxed().toList();
    }

    /** The length of this tour on a problem of the same size. */
    public long length(Problem problem) {
        return length(problem, order);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof Tour tour && Arrays.equals(order, tour.order);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(order);
    }

    @Override
    public String toString() {
        return "Tour" + Arrays.toString(order);
    }
}
