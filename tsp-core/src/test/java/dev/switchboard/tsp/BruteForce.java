package dev.switchboard.tsp;

/** The optimal tour length by trying every tour that starts at city 0; for tests on up to about 10 cities. */
public final class BruteForce {

    private BruteForce() {
    }

    public static long optimalLength(Problem problem) {
        int n = problem.size();
        if (n <= 3) {
            return Tour.identity(n).length(problem);
        }
        int[] order = Tour.identity(n).toArray();
        return search(problem, order, 1, 0, Long.MAX_VALUE);
    }

    private static long search(Problem problem, int[] order, int depth, long length, long best) {
        int n = order.length;
        if (length >= best) {
            return best;
        }
        if (depth == n) {
            return Math.min(best, length + problem.distance(order[n - 1], order[0]));
        }
        for (int i = depth; i < n; i++) {
            swap(order, depth, i);
            best = search(problem, order, depth + 1, length + problem.distance(order[depth - 1], order[depth]), best);
            swap(order, depth, i);
        }
        return best;
    }

    private static void swap(int[] order, int i, int j) {
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
    }
}
