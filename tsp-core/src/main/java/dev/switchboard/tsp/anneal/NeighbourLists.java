package dev.switchboard.tsp.anneal;

import dev.switchboard.tsp.Distances;

/**
 * For each city, its {@code k} nearest other cities, nearest first (ties broken by index), with their
 * distances. The kernel proposes only moves that join a city to one of these neighbours.
 */
public final class NeighbourLists {

    private final int k;
    /** City {@code c}'s neighbours are {@code cities[c*k .. c*k+k)}; read directly by the kernel. */
    final int[] cities;
    /** The TSPLIB distances matching {@link #cities}. */
    final int[] distances;

    private NeighbourLists(int k, int[] cities, int[] distances) {
        this.k = k;
        this.cities = cities;
        this.distances = distances;
    }

    static NeighbourLists build(double[] xy, SpatialGrid grid, int wanted) {
        int n = xy.length / 2;
        int k = Math.min(wanted, n - 1);
        int[] cities = new int[n * k];
        int[] distances = new int[n * k];
        int[] nearest = new int[k];
        for (int city = 0; k > 0 && city < n; city++) {
            grid.nearest(city, nearest);
            for (int rank = 0; rank < k; rank++) {
                int other = nearest[rank];
                cities[city * k + rank] = other;
                distances[city * k + rank] =
                        Distances.nint(xy[2 * city], xy[2 * city + 1], xy[2 * other], xy[2 * other + 1]);
            }
        }
        return new NeighbourLists(k, cities, distances);
    }

    /** The number of neighbours per city: the requested number, or {@code n - 1} for smaller problems. */
    public int size() {
        return k;
    }

    /** The city's neighbour of this rank ({@code 0} is the nearest). */
    public int neighbour(int city, int rank) {
        return cities[city * k + checkRank(rank)];
    }

    /** The distance from the city to its neighbour of this rank. */
    public int distance(int city, int rank) {
        return distances[city * k + checkRank(rank)];
    }

    /** The mean distance from a city to its nearest neighbour; the natural unit of temperature. */
    public double meanNearestDistance() {
        if (k == 0) {
            return 0;
        }
        long sum = 0;
        for (int city = 0; city < distances.length / k; city++) {
            sum += distances[city * k];
        }
        return sum / (double) (distances.length / k);
    }

    private int checkRank(int rank) {
        if (rank < 0 || rank >= k) {
            throw new IndexOutOfBoundsException("rank " + rank + " is outside 0.." + (k - 1));
        }
        return rank;
    }
}
