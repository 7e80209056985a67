package dev.switchboard.compute;

import dev.switchboard.tsp.Tour;
import dev.switchboard.tsp.anneal.AnnealOutcome;
import dev.switchboard.tsp.anneal.Annealer;
import dev.switchboard.tsp.anneal.Budget;
import dev.switchboard.tsp.anneal.PreparedProblem;
import dev.switchboard.tsp.anneal.Schedule;
import dev.switchboard.tsp.api.AnnealRequest;
import dev.switchboard.tsp.api.AnnealResult;
import dev.switchboard.tsp.api.TspUris;
import dev.switchboard.wamp.client.WampException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The logic of {@code tsp.compute.anneal}: checks the arguments, gets the prepared problem from the cache, runs the
 * kernel for the requested duration from the given tour and temperature range, and keeps the counters the load
 * events report.
 */
public final class AnnealService {

    /** The error of every bad request. */
    public static final String INVALID_ARGUMENT = "wamp.error.invalid_argument";

    private final ProblemCache problems;
    private final Supplier<String> instanceId;
    private final long maxDurationMs;
    private final AtomicInteger activeCalls = new AtomicInteger();
    private final AtomicLong totalProposals = new AtomicLong();
    private final AtomicLong completedCalls = new AtomicLong();
    private final ProposalRate rate = new ProposalRate();

    public AnnealService(ProblemCache problems, Supplier<String> instanceId, long maxDurationMs) {
        this.problems = problems;
        this.instanceId = instanceId;
        this.maxDurationMs = maxDurationMs;
    }

    /** Reads the request from the call's keyword arguments (wire form {@code {problemId, tour, t0, t1, durationMs, seed}}). */
    public static AnnealRequest parse(@Nullable Map<String, Object> kwargs) {
        if (kwargs == null || kwargs.isEmpty()) {
            throw invalid(TspUris.COMPUTE_ANNEAL + " needs kwargs {problemId, tour, t0, t1, durationMs, seed}");
        }
        Object problemId = kwargs.get("problemId");
        if (!(problemId instanceof String id) || id.isBlank()) {
            throw invalid("problemId must be a non-empty string, got " + problemId);
        }
        if (!(kwargs.get("tour") instanceof List<?> rawTour)) {
            throw invalid("tour must be a list of city indexes, got " + kwargs.get("tour"));
        }
        List<Integer> tour = new ArrayList<>(rawTour.size());
        for (Object city : rawTour) {
            if (!(city instanceof Number number) || !isIntegral(number)
                    || number.longValue() < Integer.MIN_VALUE || number.longValue() > Integer.MAX_VALUE) {
                throw invalid("tour must hold integer city indexes, got " + city);
            }
            tour.add(number.intValue());
        }
        double t0 = number(kwargs, "t0");
        double t1 = number(kwargs, "t1");
        double duration = number(kwargs, "durationMs");
        if (duration != Math.rint(duration)) {
            throw invalid("durationMs must be a whole number of milliseconds, got " + duration);
        }
        Object seedValue = kwargs.getOrDefault("seed", 0L);
        if (!(seedValue instanceof Number seed) || !isIntegral(seed)) {
            throw invalid("seed must be an integer, got " + seedValue);
        }
        try {
            return new AnnealRequest(id, tour, t0, t1, (long) duration, seed.longValue());
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    /**
     * Runs one call.
     *
     * @param cancelled polled by the kernel; once true the call returns the best tour so far
     * @throws WampException {@code wamp.error.invalid_argument} for an unknown problem, a tour that is not a
     *                       permutation of the problem's cities, or a duration above the limit
     */
    public AnnealResult anneal(AnnealRequest request, BooleanSupplier cancelled) {
        if (request.durationMs() > maxDurationMs) {
            throw invalid("durationMs must be at most " + maxDurationMs + ", got " + request.durationMs());
        }
        activeCalls.incrementAndGet();
        long start = System.nanoTime();
        try {
            PreparedProblem problem;
            try {
                problem = problems.get(request.problemId());
            } catch (ProblemSource.UnknownProblemException e) {
                throw invalid(e.getMessage());
            }
            int[] tour = request.tourArray();
            try {
                Tour.requirePermutation(tour, problem.size());
            } catch (IllegalArgumentException e) {
                throw invalid("tour must be a permutation of 0.." + (problem.size() - 1) + " (problem "
                        + request.problemId() + " has " + problem.size() + " cities): " + e.getMessage());
            }
            AnnealOutcome outcome = new Annealer(problem).anneal(tour, new Schedule(request.t0(), request.t1()),
                    Budget.ofMillis(request.durationMs()), request.seed(), cancelled);
            rate.record(start, System.nanoTime(), outcome.proposals());
            totalProposals.addAndGet(outcome.proposals());
            completedCalls.incrementAndGet();
            return AnnealResult.of(outcome, instanceId.get());
        } finally {
            activeCalls.decrementAndGet();
        }
    }

    /** The calls running now. */
    public int activeCalls() {
        return activeCalls.get();
    }

    /** The proposals of the last second. */
    public long proposalsPerSec() {
        return rate.perSecond();
    }

    /** The proposals of every finished call since the start. */
    public long totalProposals() {
        return totalProposals.get();
    }

    /** The calls that finished with a result since the start. */
    public long completedCalls() {
        return completedCalls.get();
    }

    static WampException invalid(@Nullable String message) {
        return new WampException(INVALID_ARGUMENT, message == null ? "invalid argument" : message);
    }

    private static double number(Map<String, Object> kwargs, String name) {
        Object value = kwargs.get(name);
        if (!(value instanceof Number number)) {
            throw invalid(name + " must be a number, got " + value);
        }
        return number.doubleValue();
    }

    private static boolean isIntegral(Number number) {
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            return d == Math.rint(d) && !Double.isInfinite(d);
        }
        return true;
    }
}
