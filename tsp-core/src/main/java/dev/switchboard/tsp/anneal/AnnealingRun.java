package dev.switchboard.tsp.anneal;

import dev.switchboard.tsp.Tour;
import java.util.function.BooleanSupplier;

/**
 * One annealing call: the proposal loop, the Metropolis test, the temperature over the budget and the best
 * tour seen.
 *
 * <p>The loop runs in chunks of {@link #CHECK_INTERVAL} proposals; between chunks it reads the clock, asks whether
 * the call is cancelled and recomputes the temperature. Inside a chunk nothing is allocated: one random draw per
 * proposal, an O(1) delta, and for accepted moves the reversals. The best tour is copied only when the walk is
 * about to leave it by an uphill move.
 */
final class AnnealingRun {

    /** Proposals between clock and cancellation checks: a few microseconds of work. */
    static final int CHECK_INTERVAL = 256;

    /**
     * {@code -ln(u)} for 4096 equal slices of {@code u} in (0, 1): a move of length change {@code delta > 0} is
     * accepted when {@code delta < t * THRESHOLDS[12 random bits]}, i.e. with probability about
     * {@code exp(-delta / t)}, without computing a logarithm per proposal.
     */
    private static final float[] THRESHOLDS = new float[4096];

    static {
        for (int i = 0; i < THRESHOLDS.length; i++) {
            THRESHOLDS[i] = (float) -Math.log((i + 0.5) / THRESHOLDS.length);
        }
    }

    private AnnealingRun() {
    }

    static AnnealOutcome run(PreparedProblem problem, int[] start, Schedule schedule, Budget budget, long seed,
            BooleanSupplier cancelled, MoveMix mix) {
        long startNanos = System.nanoTime();
        int n = problem.size();
        Moves moves = new Moves(problem, start, mix);
        long startLength = problem.lengthOfPermutation(moves.cities);
        long current = startLength;
        long best = current;
        boolean currentIsBest = true;
        int[] bestCities = new int[n];
        long proposals = 0;
        long accepted = 0;
        long state = seed;
        boolean wasCancelled = false;
        long deadline = budget instanceof Budget.Time time ? startNanos + time.nanos() : Long.MAX_VALUE;
        long maxProposals = budget instanceof Budget.Proposals count ? count.count() : Long.MAX_VALUE;
        while (n >= 4) {
            double fraction;
            int chunk;
            if (budget instanceof Budget.Time time) {
                long now = System.nanoTime();
                if (now - deadline >= 0) {
                    break;
                }
                fraction = (now - startNanos) / (double) time.nanos();
                chunk = CHECK_INTERVAL;
            } else {
                if (proposals >= maxProposals) {
                    break;
                }
                fraction = proposals / (double) maxProposals;
                chunk = (int) Math.min(CHECK_INTERVAL, maxProposals - proposals);
            }
            if (cancelled.getAsBoolean()) {
                wasCancelled = true;
                break;
            }
            double temperature = schedule.temperatureAt(fraction);
            for (int i = 0; i < chunk; i++) {
                state += SplitMix64.GAMMA;
                long random = SplitMix64.mix(state);
                int delta = moves.evaluate(random);
                if (delta > 0) {
                    if (delta == Moves.NO_MOVE || delta >= temperature * THRESHOLDS[(int) (random >>> 18) & 0xFFF]) {
                        continue;
                    }
                    if (currentIsBest) {
                        System.arraycopy(moves.cities, 0, bestCities, 0, n);
                        currentIsBest = false;
                    }
                }
                moves.apply();
                current += delta;
                accepted++;
                if (current <= best) {
                    best = current;
                    currentIsBest = true;
                }
            }
            proposals += chunk;
        }
        int[] result = currentIsBest ? moves.cities : bestCities;
        long length = problem.lengthOfPermutation(result);
        assert length == best : "tracked length " + best + " but the tour measures " + length;
        Tour tour = Tour.of(result);
        return new AnnealOutcome(tour, length, startLength, proposals, accepted, System.nanoTime() - startNanos,
                wasCancelled);
    }
}
