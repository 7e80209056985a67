package dev.switchboard.orchestrator.run;

import dev.switchboard.tsp.api.AnnealResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * One solve: what was asked, where it is, the best tour so far and what every compute instance contributed. Its
 * epoch loop writes it; the API and the publisher read {@link #snapshot snapshots}. Every method holds the run's
 * lock, so a snapshot is consistent.
 */
public final class Run {

    /** How much of the run a snapshot carries. */
    public enum Detail {
        /** No tour, no per-instance figures ({@code tsp.runs.list}, {@code tsp.run.started}). */
        SUMMARY,
        /** Per-instance figures, no tour ({@code tsp.run.progress}, progressive results). */
        PROGRESS,
        /** Everything ({@code tsp.runs.get}, results, {@code tsp.run.finished}). */
        FULL
    }

    /** A new best tour, as {@code tsp.run.best} tells it. */
    public record Best(int[] tour, long length, String instanceId, long elapsedMs, long version) {
    }

    private static final class Contribution {
        long calls;
        long proposals;
        long best = Long.MAX_VALUE;
    }

    private final String id;
    private final SolveRequest request;
    private final CompletableFuture<Run> ended = new CompletableFuture<>();
    private volatile boolean stopRequested;

    private RunState state = RunState.QUEUED;
    private long startedAt;
    private long startNanos;
    private long endNanos;
    private int @Nullable [] bestTour;
    private long bestLength = -1;
    private String bestInstance = "";
    private long bestElapsedMs;
    private long bestVersion;
    private double temperature;
    private int slots;
    private int callees;
    private int callsInFlight;
    private long computeCalls;
    private long failedCalls;
    private long proposals;
    private long busyMs;
    private double proposalsPerSec;
    private final Map<String, Contribution> instances = new LinkedHashMap<>();
    private @Nullable String error;
    private @Nullable String errorUri;

    Run(String id, SolveRequest request) {
        this.id = id;
        this.request = request;
    }

    public String id() {
        return id;
    }

    public SolveRequest request() {
        return request;
    }

    /** Completes with this run when it has ended, however it ended, and {@code tsp.run.finished} has gone out. */
    public CompletableFuture<Run> ended() {
        return ended;
    }

    /** Asks the run to stop; it ends as {@code stopped} within about a call's round trip. */
    void requestStop() {
        stopRequested = true;
    }

    boolean stopRequested() {
        return stopRequested;
    }

    public synchronized RunState state() {
        return state;
    }

    synchronized void start() {
        state = RunState.RUNNING;
        startedAt = System.currentTimeMillis();
        startNanos = System.nanoTime();
    }

    /** Ends the run with the given state; an error URI and message only for {@code failed}. */
    void end(RunState end, @Nullable String failureUri, @Nullable String failure) {
        synchronized (this) {
            if (state.ended()) {
                return;
            }
            if (state == RunState.QUEUED) {
                startedAt = System.currentTimeMillis();
                startNanos = System.nanoTime();
            }
            state = end;
            error = failure;
            errorUri = failureUri;
            endNanos = System.nanoTime();
            callsInFlight = 0;
        }
    }

    /** Lets those waiting for the end go, once the end has been announced. */
    void release() {
        ended.complete(this);
    }

    /** Offers a tour; true (and a new version of the best) when it is shorter than the best so far. */
    synchronized boolean offer(int[] tour, long length, String instanceId) {
        if (bestLength >= 0 && length >= bestLength) {
            return false;
        }
        bestTour = tour.clone();
        bestLength = length;
        bestInstance = instanceId;
        bestElapsedMs = elapsedMs();
        bestVersion++;
        return true;
    }

    synchronized void recordResult(AnnealResult result) {
        computeCalls++;
        proposals += result.proposals();
        busyMs += result.elapsedMs();
        Contribution contribution = instances.computeIfAbsent(result.instanceId(), key -> new Contribution());
        contribution.calls++;
        contribution.proposals += result.proposals();
        contribution.best = Math.min(contribution.best, result.length());
    }

    synchronized void recordFailure() {
        failedCalls++;
    }

    /** The run's calls now: slots (open chains), calls in flight, compute sessions, coldest temperature, speed. */
    synchronized void flight(int slots, int callsInFlight, int callees, double temperature, double proposalsPerSec) {
        this.slots = slots;
        this.callsInFlight = callsInFlight;
        this.callees = callees;
        this.temperature = temperature;
        this.proposalsPerSec = proposalsPerSec;
    }

    synchronized boolean hasResults() {
        return computeCalls > 0;
    }

    /** Why the run failed, as an error URI, or null. */
    public synchronized @Nullable String errorUri() {
        return errorUri;
    }

    /** Why the run failed, for people, or null. */
    public synchronized @Nullable String error() {
        return error;
    }

    synchronized void callees(int callees) {
        this.callees = callees;
    }

    /** The best tour so far, or null before the first. */
    public synchronized @Nullable Best best() {
        return bestTour == null ? null : new Best(bestTour.clone(), bestLength, bestInstance, bestElapsedMs,
                bestVersion);
    }

    public synchronized long bestVersion() {
        return bestVersion;
    }

    public synchronized long elapsedMs() {
        if (state == RunState.QUEUED) {
            return 0;
        }
        return ((state.ended() ? endNanos : System.nanoTime()) - startNanos) / 1_000_000;
    }

    /** The gap of {@code length} to the known optimum, in percent; null when there is no optimum. */
    public @Nullable Double gap(long length) {
        Long optimum = request.problem().optimum();
        return optimum == null || length < 0 ? null : 100.0 * (length - optimum) / optimum;
    }

    /** A tour as the API carries it: a list of city indexes. */
    public static List<Integer> tourList(int[] tour) {
        return Arrays.stream(tour).boxed().toList();
    }

    /** The run's state as the TSP API describes it (docs/tsp-api.md, "Run state"). */
    public synchronized Map<String, Object> snapshot(Detail detail) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("runId", id);
        map.put("problemId", request.problem().problemId());
        map.put("name", request.problem().problem().name());
        map.put("n", request.problem().problem().size());
        map.put("state", state.wireName());
        map.put("strategy", request.strategy());
        map.put("budgetMs", request.budgetMs());
        map.put("elapsedMs", elapsedMs());
        map.put("startedAt", startedAt);
        map.put("length", bestLength < 0 ? null : bestLength);
        map.put("optimum", request.problem().optimum());
        map.put("gap", gap(bestLength));
        map.put("temperature", temperature);
        map.put("slots", slots);
        map.put("callees", callees);
        map.put("callsInFlight", callsInFlight);
        map.put("computeCalls", computeCalls);
        map.put("failedCalls", failedCalls);
        map.put("proposals", proposals);
        map.put("proposalsPerSec", Math.round(proposalsPerSec));
        map.put("busyMs", busyMs);
        if (detail != Detail.SUMMARY) {
            List<Map<String, Object>> contributions = new ArrayList<>();
            instances.forEach((instanceId, contribution) -> {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("instanceId", instanceId);
                entry.put("calls", contribution.calls);
                entry.put("proposals", contribution.proposals);
                entry.put("best", contribution.best == Long.MAX_VALUE ? null : contribution.best);
                contributions.add(entry);
            });
            map.put("instances", contributions);
        }
        if (detail == Detail.FULL && bestTour != null) {
            map.put("tour", tourList(bestTour));
        }
        if (error != null) {
            map.put("error", error);
        }
        return map;
    }
}
