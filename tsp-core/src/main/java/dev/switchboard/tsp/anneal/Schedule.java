package dev.switchboard.tsp.anneal;

/**
 * The temperature over one annealing call: from {@code t0} at the start to {@code t1} at the end, geometric in
 * the fraction of the budget used (linear if either end is 0). Temperatures are in distance units: a move that
 * lengthens the tour by {@code delta} is accepted with probability {@code exp(-delta / t)}.
 *
 * @param t0 the temperature at the start, finite and at least 0
 * @param t1 the temperature at the end, finite and at least 0
 */
public record Schedule(double t0, double t1) {

    /** {@link #suggested(PreparedProblem)}'s start temperature in units of the mean nearest-neighbour distance. */
    public static final double SUGGESTED_T0 = 1.0;
    /** {@link #suggested(PreparedProblem)}'s end temperature in units of the mean nearest-neighbour distance. */
    public static final double SUGGESTED_T1 = 0.01;

    public Schedule {
        if (!(t0 >= 0) || !(t1 >= 0) || Double.isInfinite(t0) || Double.isInfinite(t1)) {
            throw new IllegalArgumentException("temperatures must be finite and at least 0, got " + t0 + ", " + t1);
        }
    }

    /** A constant temperature. */
    public static Schedule constant(double temperature) {
        return new Schedule(temperature, temperature);
    }

    /**
     * A schedule for a whole solve, scaled to the problem: from {@link #SUGGESTED_T0} to {@link #SUGGESTED_T1}
     * times the mean distance from a city to its nearest neighbour. Split it into epochs with {@link #slice}.
     * (Chosen by sweeping both factors on ch150, pcb442 and pr1002 with 5 s single-core solves of 200 ms epochs:
     * start factors 0.25–0.5 were clearly worse, 1–2 with end factors 0.01–0.02 equally good within the noise.)
     */
    public static Schedule suggested(PreparedProblem problem) {
        double scale = Math.max(problem.neighbours().meanNearestDistance(), 1.0);
        return new Schedule(SUGGESTED_T0 * scale, SUGGESTED_T1 * scale);
    }

    /** The temperature after this fraction of the budget; fractions outside {@code [0, 1]} are clamped. */
    public double temperatureAt(double fraction) {
        double f = Math.clamp(fraction, 0.0, 1.0);
        if (t0 == t1) {
            return t0;
        }
        if (t0 == 0 || t1 == 0) {
            return t0 + (t1 - t0) * f;
        }
        return t0 * Math.pow(t1 / t0, f);
    }

    /** The part of this schedule between two fractions of its budget, e.g. one epoch of a longer solve. */
    public Schedule slice(double from, double to) {
        return new Schedule(temperatureAt(from), temperatureAt(to));
    }
}
