package dev.switchboard.orchestrator.run;

import dev.switchboard.orchestrator.OrchestratorProperties;
import dev.switchboard.tsp.Tour;
import dev.switchboard.tsp.anneal.NearestNeighbourTour;
import dev.switchboard.tsp.anneal.PreparedProblem;
import dev.switchboard.tsp.anneal.Schedule;
import dev.switchboard.tsp.api.AnnealRequest;
import dev.switchboard.tsp.api.AnnealResult;
import dev.switchboard.tsp.api.TspUris;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one solve as a set of chains, one per compute slot, each a sequence of anneal calls of an epoch's length: as
 * soon as a chain's call returns, its {@link Strategy} absorbs the result and the chain's next call goes out, so no
 * slot waits for another. Calls are cut so that the last ones end with the budget.
 *
 * <p>Slots: the loop learns the number of registered compute sessions from the meta API
 * ({@code wamp.registration.count_callees}) and the number of free slots by asking: it opens one chain per callee, and
 * whenever the callee count grows (and every {@value #PROBE_EVERY_MILLIS} ms) it probes with one more chain per
 * callee, doubling the probe while none of its calls is refused by the time the first of them brings a result. A call
 * the dealer refuses because every callee is busy ({@code max_concurrency_reached}) comes back at once and closes its
 * chain, so the chains settle at the number of slots. A call that errors, times out or whose instance
 * dies costs that call only: its chain closes and the next probe opens chains on the instances that are left. Results
 * are checked (a permutation, the length recomputed) before they are trusted.
 */
public final class RunLoop {

    private static final Logger log = LoggerFactory.getLogger(RunLoop.class);
    static final long PROBE_EVERY_MILLIS = 5_000;
    private static final long CALLEE_CHECK_MILLIS = 250;
    /** How much of the budget the loop keeps back for the last results to come in and the answer to go out. */
    private static final long END_MARGIN_NANOS = 15_000_000;
    /** Calls shorter than this are not worth their round trip. */
    private static final long MIN_CALL_NANOS = 5_000_000;
    private static final long POLL_MILLIS = 20;
    /** A call lasts at least this many times its round trip's overhead (so the overhead stays under 2%). */
    private static final long OVERHEAD_FACTOR = 50;
    /** How much longer a chain's first call may take: its instance may first fetch and prepare the problem. */
    private static final Duration FIRST_CALL_ALLOWANCE = Duration.ofSeconds(5);

    private final ComputeGateway compute;
    private final OrchestratorProperties properties;
    private final Set<String> warnedInstances = new HashSet<>();

    public RunLoop(ComputeGateway compute, OrchestratorProperties properties) {
        this.compute = compute;
        this.properties = properties;
    }

    /** Runs {@code run} until its budget is spent, it is stopped or it fails, and ends it. */
    public void execute(Run run) {
        try {
            RunState end = new Execution(run).solve();
            run.end(end, null, null);
        } catch (NoComputeException e) {
            run.end(RunState.FAILED, TspUris.ERROR_NO_COMPUTE, e.getMessage());
        } catch (RuntimeException e) {
            log.error("Run {} failed", run.id(), e);
            run.end(RunState.FAILED, "wamp.error.runtime_error", "the run failed: " + e);
        }
    }

    /** A call that came back, with or without a result. */
    private record Returned(int chain, Strategy.Assignment assignment, CompletableFuture<AnnealResult> result) {
    }

    private record InFlight(ComputeGateway.Call call, long startedNanos, long durationMs, boolean first) {
    }

    /** One run's loop state; used by the run's loop thread only. */
    private final class Execution {

        private final Run run;
        private final BlockingQueue<Returned> returned = new LinkedBlockingQueue<>();
        private final Map<Integer, InFlight> inFlight = new HashMap<>();
        private final Map<Integer, Double> rates = new HashMap<>();
        private final long startNanos = System.nanoTime();
        private final long budgetNanos;
        private final long deadline;
        private final long baseEpochNanos;
        /** The length of a call: the configured epoch, longer while a call's round trip costs more than 2% of it. */
        private long epochNanos;
        /** A call's round trip beyond its work (transfer, queues), smoothed; 0 until a call has been measured. */
        private long overheadNanos;
        private final PreparedProblem problem;
        private final Schedule whole;
        private final Strategy strategy;
        private int nextChain;
        private int callees;
        private long nextProbe;
        private long nextCalleeCheck;
        private @Nullable CompletableFuture<Integer> calleeCheck;
        private long callSeq;
        /**
         * The last probe: how many chains it opened, from which chain on, and the refusals since. When one of its
         * calls brings a result and none was refused (refusals come back at once, results only after the work), the
         * probe doubles.
         */
        private int probeSize;
        private int probeFirstChain;
        private boolean probePending;
        private int refusedSinceProbe;

        Execution(Run run) {
            this.run = run;
            run.start();
            SolveRequest request = run.request();
            this.budgetNanos = request.budgetMs() * 1_000_000;
            this.deadline = startNanos + budgetNanos;
            this.baseEpochNanos = properties.epoch().toNanos();
            this.epochNanos = baseEpochNanos;
            this.problem = PreparedProblem.of(request.problem().problem());
            Tour start = NearestNeighbourTour.build(problem, 0);
            run.offer(start.toArray(), problem.length(start), "orchestrator");
            this.whole = Schedule.suggested(problem);
            this.strategy = Strategy.named(request.strategy(), properties.ladderRatio(), request.seed());
        }

        RunState solve() {
            callees = awaitCallees(System.nanoTime() + properties.computeWait().toNanos());
            probe(2 * callees);
            while (!run.stopRequested()) {
                long now = System.nanoTime();
                if (inFlight.isEmpty() && deadline - END_MARGIN_NANOS - now < MIN_CALL_NANOS) {
                    break;
                }
                if (now > deadline + properties.callGrace().toNanos()) {
                    log.warn("Run {}: {} calls did not end with the budget; cancelling them", run.id(),
                            inFlight.size());
                    break;
                }
                checkCallees(now);
                if (inFlight.isEmpty()) {
                    nextProbe = Math.min(nextProbe, now + CALLEE_CHECK_MILLIS * 1_000_000);
                }
                if (now >= nextProbe) {
                    if (callees == 0 && inFlight.isEmpty()) {
                        callees = awaitCallees(Math.min(deadline, now + properties.computeWait().toNanos()));
                    }
                    probe(Math.max(1, callees));
                }
                Returned call = poll();
                if (call != null) {
                    handle(call);
                }
                run.flight(rates.size(), inFlight.size(), callees, coldest(), rates.values().stream()
                        .mapToDouble(Double::doubleValue).sum());
            }
            inFlight.values().forEach(flight -> flight.call().cancel());
            return run.stopRequested() ? RunState.STOPPED : RunState.FINISHED;
        }

        private @Nullable Returned poll() {
            try {
                return returned.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                run.requestStop();
                return null;
            }
        }

        /** Opens {@code count} chains to find free slots; refusals come back within a round trip. */
        private void probe(int count) {
            long now = System.nanoTime();
            nextProbe = now + PROBE_EVERY_MILLIS * 1_000_000;
            probeSize = count;
            probeFirstChain = nextChain;
            probePending = true;
            refusedSinceProbe = 0;
            openChains(count);
        }

        /** Opens {@code count} chains and sends their first calls. */
        private void openChains(int count) {
            Run.Best best = run.best();
            for (int i = 0; i < count && inFlight.size() < properties.maxSlots() && best != null; i++) {
                int chain = nextChain++;
                strategy.open(chain, best.tour());
                if (!dispatch(chain)) {
                    strategy.close(chain);
                    return;
                }
            }
        }

        /** Sends the chain's next call, cut to end with the budget; false when there is no time left for one. */
        private boolean dispatch(int chain) {
            long now = System.nanoTime();
            long remaining = deadline - END_MARGIN_NANOS - now;
            if (remaining < MIN_CALL_NANOS) {
                return false;
            }
            long duration = remaining < epochNanos * 3 / 2 ? remaining : epochNanos;
            double from = (now - startNanos) / (double) budgetNanos;
            Schedule slice = whole.slice(from, from + duration / (double) budgetNanos);
            Run.Best best = run.best();
            if (best == null) {
                return false;
            }
            Strategy.Assignment assignment = strategy.next(chain, slice, best.tour(), best.length());
            long durationMs = Math.max(1, duration / 1_000_000);
            AnnealRequest request = new AnnealRequest(run.request().problem().problemId(),
                    Run.tourList(assignment.tour()), assignment.t0(), assignment.t1(), durationMs,
                    callSeed(run.request().seed(), callSeq++));
            // a chain's first call may land on an instance that has yet to fetch and prepare the problem
            boolean first = !rates.containsKey(chain);
            Duration timeout = Duration.ofMillis(durationMs).plus(properties.callGrace())
                    .plus(first ? FIRST_CALL_ALLOWANCE : Duration.ZERO);
            ComputeGateway.Call call = compute.anneal(request, timeout);
            inFlight.put(chain, new InFlight(call, now, durationMs, first));
            rates.putIfAbsent(chain, 0.0);
            call.result().whenComplete((result, failure) ->
                    returned.add(new Returned(chain, assignment, call.result())));
            return true;
        }

        private void handle(Returned call) {
            InFlight flight = inFlight.remove(call.chain());
            CompletableFuture<AnnealResult> future = call.result();
            AnnealResult result = future.isCompletedExceptionally() ? null : future.join();
            if (result != null && valid(result)) {
                run.recordResult(result);
                run.offer(result.tourArray(), result.length(), result.instanceId());
                strategy.absorb(call.chain(), call.assignment(), result);
                long elapsed = flight == null ? 0 : System.nanoTime() - flight.startedNanos();
                if (log.isTraceEnabled()) {
                    log.trace("Run {} chain {}: call of {} ms returned after {} ms from {} (kernel {} ms), length {}",
                            run.id(), call.chain(), flight == null ? -1 : flight.durationMs(), elapsed / 1_000_000,
                            result.instanceId(), result.elapsedMs(), result.length());
                }
                rates.put(call.chain(), elapsed > 0 ? result.proposals() * 1e9 / elapsed : 0.0);
                if (flight != null && !flight.first()) {
                    adaptEpoch(elapsed - result.elapsedMs() * 1_000_000);
                }
                if (!dispatch(call.chain())) {
                    close(call.chain());
                }
                if (probePending && call.chain() >= probeFirstChain) {
                    probePending = false;
                    if (refusedSinceProbe == 0) {
                        probe(2 * probeSize); // every probing call was taken: there may be many more slots
                    }
                }
                return;
            }
            ComputeGateway.Failure failure = failure(future);
            if (failure == ComputeGateway.Failure.NO_FREE_SLOT) {
                refusedSinceProbe++;
            } else if (!run.stopRequested()) {
                run.recordFailure();
                nextProbe = Math.min(nextProbe, System.nanoTime() + CALLEE_CHECK_MILLIS * 1_000_000);
            }
            close(call.chain());
        }

        /**
         * Keeps a call's round trip (a large problem's tour travels twice per call) under 2% of the call by making
         * calls longer, up to four times the configured epoch.
         */
        private void adaptEpoch(long overhead) {
            overheadNanos = overheadNanos == 0 ? Math.max(0, overhead) : (overheadNanos * 7 + Math.max(0, overhead)) / 8;
            epochNanos = Math.clamp(overheadNanos * OVERHEAD_FACTOR, baseEpochNanos, baseEpochNanos * 4);
        }

        private void close(int chain) {
            strategy.close(chain);
            rates.remove(chain);
        }

        /** Keeps the callee count fresh; a change makes the next round probe for slots. */
        private void checkCallees(long now) {
            CompletableFuture<Integer> check = calleeCheck;
            if (check != null && check.isDone()) {
                calleeCheck = null;
                Integer count = check.isCompletedExceptionally() ? null : check.join();
                if (count != null && count != callees) {
                    if (count > callees) {
                        nextProbe = now;
                    }
                    callees = count;
                }
            }
            if (calleeCheck == null && now >= nextCalleeCheck) {
                nextCalleeCheck = now + CALLEE_CHECK_MILLIS * 1_000_000;
                calleeCheck = compute.callees();
            }
        }

        private double coldest() {
            double from = (System.nanoTime() - startNanos) / (double) budgetNanos;
            return whole.temperatureAt(from);
        }

        /** A result is trusted only if its tour is a permutation and its length is the tour's length. */
        private boolean valid(AnnealResult result) {
            int[] tour = result.tourArray();
            boolean valid = Tour.isPermutation(tour, problem.size()) && problem.length(tour) == result.length();
            if (!valid && warnedInstances.add(result.instanceId())) {
                log.warn("Compute instance {} returned a tour that is not a valid tour of length {}; its results"
                        + " are dropped", result.instanceId(), result.length());
            }
            return valid;
        }

        /**
         * Waits until some compute session is registered or {@code until} passes. Then a run that has results and
         * whose budget is spent ends as usual (0 is returned); any other fails with {@code tsp.error.no_compute}.
         */
        private int awaitCallees(long until) {
            while (true) {
                int count;
                try {
                    count = compute.callees().get(2, TimeUnit.SECONDS);
                } catch (ExecutionException | TimeoutException e) {
                    count = 0;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new NoComputeException("interrupted while waiting for a compute instance");
                }
                run.flight(0, 0, count, 0, 0);
                if (count > 0 || run.stopRequested()) {
                    return count;
                }
                long now = System.nanoTime();
                if (now >= until) {
                    if (now >= deadline - END_MARGIN_NANOS && run.hasResults()) {
                        return 0;
                    }
                    throw new NoComputeException("no compute instance has registered " + TspUris.COMPUTE_ANNEAL
                            + " (waited " + properties.computeWait().toMillis() + " ms); start a compute-service or"
                            + " donate CPU from the dashboard");
                }
                sleep(100);
            }
        }
    }

    private static ComputeGateway.@Nullable Failure failure(CompletableFuture<AnnealResult> future) {
        try {
            future.join();
            return null;
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return cause instanceof ComputeGateway.ComputeException compute ? compute.failure()
                    : ComputeGateway.Failure.LOST;
        }
    }

    private static long callSeed(long runSeed, long call) {
        long z = runSeed + 0x9E3779B97F4A7C15L * (call + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) & 0x1F_FFFF_FFFF_FFFFL;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** No compute instance registered within the wait. */
    static final class NoComputeException extends RuntimeException {
        NoComputeException(String message) {
            super(message, null, false, false);
        }
    }
}
