package dev.switchboard.tsp;

/**
 * TSPLIB {@code EUC_2D} distances: the Euclidean distance rounded to the nearest integer ({@code nint}).
 *
 * <p>Every length in the project is a sum of these integers, so a tour's length is exact and comparable with the
 * published TSPLIB optima.
 */
public final class Distances {

    private Distances() {
    }

    /** The TSPLIB {@code EUC_2D} distance between two points: {@code (int) (sqrt(dx*dx + dy*dy) + 0.5)}. */
    public static int nint(double x1, double y1, double x2, double y2) {
        double dx = x1 - x2;
        double dy = y1 - y2;
        return (int) (Math.sqrt(dx * dx + dy * dy) + 0.5);
    }

    /** The TSPLIB {@code EUC_2D} distance between two cities. */
    public static int nint(City a, City b) {
        return nint(a.x(), a.y(), b.x(), b.y());
    }
}
