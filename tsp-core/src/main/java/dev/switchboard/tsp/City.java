package dev.switchboard.tsp;

/**
 * A city's position in the plane, as in a TSPLIB {@code NODE_COORD_SECTION} line.
 *
 * @param x the x coordinate, finite
 * @param y the y coordinate, finite
 */
public record City(double x, double y) {

    public City {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("city coordinates must be finite, got (" + x + ", " + y + ")");
        }
    }
}
