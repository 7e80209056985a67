package dev.switchboard.tsp.anneal;

import dev.switchboard.tsp.City;
import dev.switchboard.tsp.Distances;
import dev.switchboard.tsp.Problem;
import dev.switchboard.tsp.Tour;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A problem with the data the kernel needs, computed once and shared: coordinates in a flat array, the distance
 * matrix when it fits, the neighbour lists and a spatial grid.
 *
 * <p>Immutable after construction and safe to share between threads; compute instances keep one per problem and
 * run many annealing calls on it at once (each call owns its tour arrays).
 */
public final class PreparedProblem {

    private final Problem problem;
    private final int n;
    /** Interleaved coordinates {@code x0, y0, x1, y1, ...}. */
    final double[] xy;
    /** {@code matrix[i * n + j]} is the distance from {@code i} to {@code j}, or null when computed on the fly. */
    final int @Nullable [] matrix;
    private final NeighbourLists neighbours;
    private final SpatialGrid grid;

    /**
     * How to prepare a problem.
     *
     * @param neighbours the neighbour-list length, 1..64
     * @param matrixLimit the largest problem that gets a distance matrix ({@code 4 n²} bytes); larger ones compute
     *     distances from coordinates
     */
    public record Options(int neighbours, int matrixLimit) {

        /**
         * 10 neighbours; a matrix up to 3,000 cities (36 MB). Measured on one core: the matrix gives 10–25% more
         * proposals per second up to pr2392, computing is 65% faster on 5,000 random cities (cache misses).
         */
        public static final Options DEFAULTS = new Options(10, 3_000);

        public Options {
            if (neighbours < 1 || neighbours > 64) {
                throw new IllegalArgumentException("neighbours must be 1..64, got " + neighbours);
            }
            if (matrixLimit < 0 || matrixLimit > 46_340) {
                throw new IllegalArgumentException("matrixLimit must be 0..46340, got " + matrixLimit);
            }
        }
    }

    private PreparedProblem(Problem problem, Options options) {
        this.problem = problem;
        this.n = problem.size();
        this.xy = new double[2 * n];
        for (int i = 0; i < n; i++) {
            City city = problem.city(i);
            xy[2 * i] = city.x();
            xy[2 * i + 1] = city.y();
        }
        this.matrix = n <= options.matrixLimit() ? matrix(xy, n) : null;
        this.grid = new SpatialGrid(xy);
        this.neighbours = NeighbourLists.build(xy, grid, options.neighbours());
    }

    /** Prepares a problem with {@link Options#DEFAULTS}. */
    public static PreparedProblem of(Problem problem) {
        return of(problem, Options.DEFAULTS);
    }

    /** Prepares a problem. */
    public static PreparedProblem of(Problem problem, Options options) {
        return new PreparedProblem(Objects.requireNonNull(problem, "problem"), options);
    }

    private static int[] matrix(double[] xy, int n) {
        int[] matrix = new int[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                int d = Distances.nint(xy[2 * i], xy[2 * i + 1], xy[2 * j], xy[2 * j + 1]);
                matrix[i * n + j] = d;
                matrix[j * n + i] = d;
            }
        }
        return matrix;
    }

    /** The problem. */
    public Problem problem() {
        return problem;
    }

    /** The number of cities. */
    public int size() {
        return n;
    }

    /** Whether distances are looked up in a matrix rather than computed from coordinates. */
    public boolean hasMatrix() {
        return matrix != null;
    }

    /** The neighbour lists. */
    public NeighbourLists neighbours() {
        return neighbours;
    }

    /** The TSPLIB distance between two cities. */
    public int distance(int from, int to) {
        int[] m = matrix;
        if (m != null) {
            return m[from * n + to];
        }
        return Distances.nint(xy[2 * from], xy[2 * from + 1], xy[2 * to], xy[2 * to + 1]);
    }

    /** The length of a closed tour given as a permutation of {@code 0..n-1}. */
    public long length(int[] tour) {
        Tour.requirePermutation(tour, n);
        return lengthOfPermutation(tour);
    }

    /** The length of a tour of this problem. */
    public long length(Tour tour) {
        return length(tour.toArray());
    }

    /** The length of an array already known to be a permutation. */
    long lengthOfPermutation(int[] tour) {
        long length = 0;
        for (int i = 0, previous = tour[n - 1]; i < n; i++) {
            length += distance(previous, tour[i]);
            previous = tour[i];
        }
        return length;
    }

    double x(int city) {
        return xy[2 * city];
    }

    double y(int city) {
        return xy[2 * city + 1];
    }

    SpatialGrid grid() {
        return grid;
    }
}
