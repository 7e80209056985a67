package dev.switchboard.tsp.anneal;

import dev.switchboard.tsp.Tour;

/**
 * The nearest-neighbour start tour: from a start city, always go to the nearest city not yet visited.
 *
 * <p>The nearest unvisited city is the first unvisited one in the neighbour list when there is one, else it is
 * searched in the problem's grid, from which visited cities are removed; the whole tour costs about
 * {@code O(n log n)} for spread-out cities.
 */
public final class NearestNeighbourTour {

    private final PreparedProblem problem;
    private final SpatialGrid grid;
    /** Per cell, the unvisited cities are {@code live[cellStart .. liveEnd[cell])}. */
    private final int[] live;
    private final int[] liveEnd;
    private final int[] slot;
    private final boolean[] visited;

    private NearestNeighbourTour(PreparedProblem problem) {
        this.problem = problem;
        this.grid = problem.grid();
        int n = problem.size();
        this.live = new int[n];
        this.liveEnd = new int[grid.cellCount()];
        this.slot = new int[n];
        this.visited = new boolean[n];
        for (int cell = 0; cell < grid.cellCount(); cell++) {
            for (int m = grid.cellStart(cell); m < grid.cellEnd(cell); m++) {
                live[m] = grid.member(m);
                slot[grid.member(m)] = m;
            }
            liveEnd[cell] = grid.cellEnd(cell);
        }
    }

    /** The nearest-neighbour tour from {@code startCity}. */
    public static Tour build(PreparedProblem problem, int startCity) {
        if (startCity < 0 || startCity >= problem.size()) {
            throw new IllegalArgumentException("start city " + startCity + " is outside 0.." + (problem.size() - 1));
        }
        return new NearestNeighbourTour(problem).from(startCity);
    }

    private Tour from(int startCity) {
        int n = problem.size();
        int[] order = new int[n];
        order[0] = startCity;
        visit(startCity);
        NeighbourLists neighbours = problem.neighbours();
        for (int i = 1; i < n; i++) {
            int current = order[i - 1];
            int next = -1;
            for (int rank = 0; rank < neighbours.size(); rank++) {
                int candidate = neighbours.neighbour(current, rank);
                if (!visited[candidate]) {
                    next = candidate;
                    break;
                }
            }
            if (next < 0) {
                next = nearestUnvisited(current);
            }
            order[i] = next;
            visit(next);
        }
        return Tour.of(order);
    }

    private void visit(int city) {
        visited[city] = true;
        int cell = grid.cellOf(city);
        int last = --liveEnd[cell];
        int moved = live[last];
        live[slot[city]] = moved;
        slot[moved] = slot[city];
        live[last] = city;
        slot[city] = last;
    }

    private int nearestUnvisited(int city) {
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        int cx = grid.column(problem.x(city));
        int cy = grid.row(problem.y(city));
        int columns = grid.columns();
        int rows = grid.rows();
        for (int r = 0; r <= columns + rows; r++) {
            for (int y = Math.max(cy - r, 0); y <= Math.min(cy + r, rows - 1); y++) {
                boolean edgeRow = y == cy - r || y == cy + r;
                for (int x = cx - r; x <= cx + r; x += edgeRow || r == 0 ? 1 : 2 * r) {
                    if (x < 0 || x >= columns) {
                        continue;
                    }
                    int cell = y * columns + x;
                    for (int m = grid.cellStart(cell); m < liveEnd[cell]; m++) {
                        int other = live[m];
                        double d = grid.squaredDistance(city, other);
                        if (SpatialGrid.closer(d, other, bestDistance, best)) {
                            best = other;
                            bestDistance = d;
                        }
                    }
                }
            }
            double reach = r * grid.cellSize();
            if (best >= 0 && bestDistance < reach * reach) {
                break;
            }
        }
        return best;
    }
}
