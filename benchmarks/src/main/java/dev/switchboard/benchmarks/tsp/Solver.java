package dev.switchboard.benchmarks.tsp;

import dev.switchboard.tsp.Problem;
import dev.switchboard.tsp.Tour;
import dev.switchboard.wamp.client.WampClient;
import dev.switchboard.wamp.client.WampException;
import dev.switchboard.wamp.message.CallOptions;
import dev.switchboard.wamp.message.Payload;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Calls {@code tsp.solve} the way any client does (through the router, with progressive results) and turns the
 * answer into an {@link Outcome}: the final state, the tour checked against the bundled TSPLIB file, the gap to the
 * optimum from the bundled SOURCE.txt, and from {@code tsp.run.best} when the final length and a target gap were
 * first reached.
 */
final class Solver {

    /** A new best as {@code tsp.run.best} told it. */
    private record Best(long elapsedMs, long length) {
    }

    /**
     * One solve.
     *
     * @param slots         the compute slots the suite offered (compute instances × concurrency 1)
     * @param maxSlots      the most chains the orchestrator reported in flight ({@code slots} of the progress)
     * @param wallMs        the call's round trip as this client saw it
     * @param timeToBestMs  when the final length was first found ({@code tsp.run.best}), -1 when unknown
     * @param timeToTargetMs when the gap first was at most the target, -1 when never
     * @param error         why the call failed ({@code state} is then {@code error}), or null
     */
    record Outcome(String name, String strategy, long budgetMs, long seed, String runId, String state, long length,
                   long optimum, double gap, long elapsedMs, long wallMs, long computeCalls, long failedCalls,
                   long proposals, long busyMs, int slots, int maxSlots, int instancesServed, long timeToBestMs,
                   long timeToTargetMs, boolean validTour, @Nullable String error) {

        boolean ok() {
            return error == null && validTour && (state.equals("finished") || state.equals("stopped"));
        }

        boolean optimal() {
            return ok() && length == optimum;
        }

        /** The compute slots' busy share of the budget: busyMs / (slots × budget). */
        double busyShare() {
            return slots == 0 ? 0 : busyMs / (double) (slots * budgetMs);
        }

        double proposalsPerSecond() {
            return elapsedMs == 0 ? 0 : proposals * 1000.0 / elapsedMs;
        }
    }

    private final WampClient client;
    private final Map<String, List<Best>> bests = new ConcurrentHashMap<>();
    private final Map<String, Problem> problems = new ConcurrentHashMap<>();
    private final Map<String, Long> optima = Instances.optima();

    private Solver(WampClient client) {
        this.client = client;
    }

    /** A solver on {@code client}, subscribed to {@code tsp.run.best}. */
    static Solver on(WampClient client) throws InterruptedException {
        Solver solver = new Solver(client);
        try {
            client.subscribe("tsp.run.best", event -> {
                Map<String, Object> best = event.kwargs();
                if (best.get("runId") instanceof String runId && best.get("length") instanceof Number length
                        && best.get("elapsedMs") instanceof Number elapsed) {
                    solver.bests.computeIfAbsent(runId, key -> Collections.synchronizedList(
                            new ArrayList<>())).add(new Best(elapsed.longValue(), length.longValue()));
                }
            }).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot subscribe to tsp.run.best: " + e, e);
        }
        return solver;
    }

    /** The optimal length of a bundled instance (SOURCE.txt). */
    long optimum(String name) {
        Long optimum = optima.get(name);
        if (optimum == null) {
            throw new IllegalArgumentException("no optimal length of " + name + " in the bundled SOURCE.txt");
        }
        return optimum;
    }

    /** Loads (and caches) a bundled instance; fails for an unknown one. */
    Problem problem(String name) {
        return problems.computeIfAbsent(name, Instances::load);
    }

    /**
     * Solves the bundled TSPLIB instance {@code name} through the suite with {@code budgetMs}, {@code strategy} and
     * {@code seed}; {@code slots} is what the suite offers, {@code targetGap} the gap (percent) whose first time is
     * recorded.
     */
    Outcome solve(String name, String strategy, long budgetMs, long seed, int slots, double targetGap)
            throws InterruptedException {
        Problem problem = problem(name);
        long optimum = optimum(name);
        AtomicInteger maxSlots = new AtomicInteger();
        Map<String, Object> kwargs = Map.of("problem", Map.of("tsplib", name), "budgetMs", budgetMs,
                "strategy", strategy, "seed", seed);
        long started = System.nanoTime();
        Map<String, Object> result;
        try {
            result = client.call("tsp.solve", Payload.of(null, kwargs), CallOptions.DEFAULT, progress -> {
                if (progress.kwargs().get("slots") instanceof Number inFlight) {
                    maxSlots.accumulateAndGet(inFlight.intValue(), Math::max);
                }
            }).get(budgetMs + 120_000, TimeUnit.MILLISECONDS).kwargs();
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            String error = cause instanceof WampException wamp ? wamp.error() + " " + wamp.args() : cause.toString();
            return new Outcome(name, strategy, budgetMs, seed, "", "error", -1, optimum, Double.NaN, 0,
                    (System.nanoTime() - started) / 1_000_000, 0, 0, 0, 0, slots, maxSlots.get(), 0, -1, -1, false,
                    error);
        }
        long wallMs = (System.nanoTime() - started) / 1_000_000;
        String runId = String.valueOf(result.get("runId"));
        long length = number(result, "length");
        boolean valid = validTour(problem, result.get("tour"), length);
        Object reportedOptimum = result.get("optimum");
        if (reportedOptimum instanceof Number reported && reported.longValue() != optimum) {
            System.err.printf("warning: the orchestrator's optimum of %s is %d, SOURCE.txt says %d%n", name,
                    reported.longValue(), optimum);
        }
        List<Best> runBests = awaitBest(runId, length);
        long timeToBest = -1;
        long timeToTarget = -1;
        for (Best best : runBests) {
            if (timeToTarget < 0 && gap(best.length(), optimum) <= targetGap + 1e-9) {
                timeToTarget = best.elapsedMs();
            }
            if (timeToBest < 0 && best.length() == length) {
                timeToBest = best.elapsedMs();
            }
        }
        Object instances = result.get("instances");
        return new Outcome(name, strategy, budgetMs, seed, runId, String.valueOf(result.get("state")), length,
                optimum, gap(length, optimum), number(result, "elapsedMs"), wallMs, number(result, "computeCalls"),
                number(result, "failedCalls"), number(result, "proposals"), number(result, "busyMs"), slots,
                maxSlots.get(), instances instanceof List<?> list ? list.size() : 0, timeToBest, timeToTarget, valid,
                result.get("error") == null ? null : String.valueOf(result.get("error")));
    }

    /** The run's bests in order of time, once the one with the final length has come (or after half a second). */
    private List<Best> awaitBest(String runId, long length) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
        while (true) {
            List<Best> runBests = bests.getOrDefault(runId, List.of());
            List<Best> copy;
            synchronized (runBests) {
                copy = new ArrayList<>(runBests);
            }
            boolean complete = copy.stream().anyMatch(best -> best.length() == length);
            if (complete || System.nanoTime() > deadline) {
                bests.remove(runId);
                copy.sort(Comparator.comparingLong(Best::elapsedMs));
                return copy;
            }
            Thread.sleep(10);
        }
    }

    static double gap(long length, long optimum) {
        return 100.0 * (length - optimum) / optimum;
    }

    private static boolean validTour(Problem problem, @Nullable Object tour, long length) {
        if (!(tour instanceof List<?> cities)) {
            return false;
        }
        int[] order = new int[cities.size()];
        for (int i = 0; i < order.length; i++) {
            if (!(cities.get(i) instanceof Number city)) {
                return false;
            }
            order[i] = city.intValue();
        }
        return Tour.isPermutation(order, problem.size()) && Tour.length(problem, order) == length;
    }

    private static long number(Map<String, Object> map, String key) {
        return map.get(key) instanceof Number number ? number.longValue() : -1;
    }
}
