package dev.switchboard.tsp.anneal;

/**
 * A uniform grid over the cities' bounding box, about two cities per cell, for nearest-neighbour searches that
 * look at a few cells instead of every city.
 *
 * <p>Searches visit rings of cells around the query's cell: after ring {@code r} every city not yet seen is at
 * least {@code r * cellSize} away, which bounds when a search may stop. Candidates are ordered by squared
 * Euclidean distance, then by index, so results are deterministic.
 */
final class SpatialGrid {

    private final double[] xy;
    private final double minX;
    private final double minY;
    private final double cellSize;
    private final int columns;
    private final int rows;
    /** Cell {@code c} holds {@code members[cellStart[c] .. cellStart[c+1])}. */
    private final int[] cellStart;
    private final int[] members;

    /** @param xy interleaved coordinates {@code x0, y0, x1, y1, ...} */
    SpatialGrid(double[] xy) {
        this.xy = xy;
        int n = xy.length / 2;
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            minX = Math.min(minX, xy[2 * i]);
            maxX = Math.max(maxX, xy[2 * i]);
            minY = Math.min(minY, xy[2 * i + 1]);
            maxY = Math.max(maxY, xy[2 * i + 1]);
        }
        double width = maxX - minX;
        double height = maxY - minY;
        double cells = Math.max(1.0, n / 2.0);
        double size = Math.max(Math.sqrt(width * height / cells), Math.max(width, height) / cells);
        this.minX = minX;
        this.minY = minY;
        this.cellSize = size > 0 ? size : 1.0;
        this.columns = (int) Math.min(Math.floor(width / cellSize) + 1, cells + 1);
        this.rows = (int) Math.min(Math.floor(height / cellSize) + 1, cells + 1);
        this.cellStart = new int[columns * rows + 1];
        this.members = new int[n];
        for (int i = 0; i < n; i++) {
            cellStart[cellOf(i) + 1]++;
        }
        for (int c = 0; c < columns * rows; c++) {
            cellStart[c + 1] += cellStart[c];
        }
        int[] fill = new int[columns * rows];
        for (int i = 0; i < n; i++) {
            int cell = cellOf(i);
            members[cellStart[cell] + fill[cell]++] = i;
        }
    }

    int cellCount() {
        return columns * rows;
    }

    int cellOf(int city) {
        return row(xy[2 * city + 1]) * columns + column(xy[2 * city]);
    }

    int cellStart(int cell) {
        return cellStart[cell];
    }

    int cellEnd(int cell) {
        return cellStart[cell + 1];
    }

    int member(int index) {
        return members[index];
    }

    double squaredDistance(int a, int b) {
        double dx = xy[2 * a] - xy[2 * b];
        double dy = xy[2 * a + 1] - xy[2 * b + 1];
        return dx * dx + dy * dy;
    }

    /**
     * The {@code k} cities nearest to {@code city} (excluding itself), nearest first.
     *
     * @param out receives the cities; its length is {@code k}, at most {@code n - 1}
     */
    void nearest(int city, int[] out) {
        int k = out.length;
        double[] distances = new double[k];
        int found = 0;
        int cx = column(xy[2 * city]);
        int cy = row(xy[2 * city + 1]);
        for (int r = 0; ; r++) {
            for (int y = cy - r; y <= cy + r; y++) {
                if (y < 0 || y >= rows) {
                    continue;
                }
                boolean edgeRow = y == cy - r || y == cy + r;
                for (int x = cx - r; x <= cx + r; x += edgeRow ? 1 : 2 * r) {
                    if (x >= 0 && x < columns) {
                        found = collect(city, y * columns + x, out, distances, found);
                    }
                    if (r == 0) {
                        break;
                    }
                }
            }
            double reach = r * cellSize;
            if (found == k && distances[k - 1] < reach * reach || r > columns + rows) {
                return;
            }
        }
    }

    private int collect(int city, int cell, int[] out, double[] distances, int found) {
        int k = out.length;
        for (int m = cellStart[cell]; m < cellStart[cell + 1]; m++) {
            int other = members[m];
            if (other == city) {
                continue;
            }
            double d = squaredDistance(city, other);
            if (found == k && !closer(d, other, distances[k - 1], out[k - 1])) {
                continue;
            }
            int i = found < k ? found++ : k - 1;
            while (i > 0 && closer(d, other, distances[i - 1], out[i - 1])) {
                distances[i] = distances[i - 1];
                out[i] = out[i - 1];
                i--;
            }
            distances[i] = d;
            out[i] = other;
        }
        return found;
    }

    static boolean closer(double d, int city, double thanD, int thanCity) {
        return d < thanD || d == thanD && city < thanCity;
    }

    double cellSize() {
        return cellSize;
    }

    int columns() {
        return columns;
    }

    int rows() {
        return rows;
    }

    int column(double x) {
        return Math.clamp((long) ((x - minX) / cellSize), 0, columns - 1);
    }

    int row(double y) {
        return Math.clamp((long) ((y - minY) / cellSize), 0, rows - 1);
    }
}
