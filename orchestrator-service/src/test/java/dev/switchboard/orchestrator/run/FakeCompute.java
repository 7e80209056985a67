package dev.switchboard.orchestrator.run;

import dev.switchboard.tsp.Problem;
import dev.switchboard.tsp.anneal.AnnealOutcome;
import dev.switchboard.tsp.anneal.Annealer;
import dev.switchboard.tsp.anneal.Budget;
import dev.switchboard.tsp.anneal.PreparedProblem;
import dev.switchboard.tsp.anneal.Schedule;
import dev.switchboard.tsp.api.AnnealRequest;
import dev.switchboard.tsp.api.AnnealResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * Compute instances in the test's process, dealt to as the router does for a shared round-robin registration with a
 * per-callee concurrency: a call goes to the next instance with a free slot, or is refused at once when every slot is
 * busy. Each instance runs the real kernel on its own threads; an instance can be killed (its calls fail as the
 * dealer fails them when a callee leaves) or made to return doctored results.
 */
final class FakeCompute implements ComputeGateway, AutoCloseable {

    final class Instance {
        final String id;
        final int concurrency;
        final AtomicInteger busy = new AtomicInteger();
        final AtomicInteger served = new AtomicInteger();
        final ExecutorService threads;
        final List<CompletableFuture<AnnealResult>> running = new CopyOnWriteArrayList<>();
        volatile UnaryOperator<AnnealResult> doctor = UnaryOperator.identity();
        volatile boolean alive = true;

        Instance(String id, int concurrency) {
            this.id = id;
            this.concurrency = concurrency;
            this.threads = Executors.newFixedThreadPool(concurrency, Thread.ofPlatform().name(id + "-", 1).daemon()
                    .factory());
        }

        /** The instance's process dies: its calls fail, it takes no more. */
        void kill() {
            alive = false;
            instances.remove(this);
            running.forEach(call -> fail(call, new ComputeException(Failure.LOST, "wamp.error.canceled")));
            threads.shutdownNow();
        }
    }

    private final Map<String, Problem> problems;
    private final List<Instance> instances = new CopyOnWriteArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peakInFlight = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final Map<String, PreparedProblem> prepared = new ConcurrentHashMap<>();
    private final Map<CompletableFuture<AnnealResult>, Runnable> slots = new ConcurrentHashMap<>();

    /** How late refusals come back (a loaded router or network); 0 for at once. */
    volatile long refusalDelayMillis;

    FakeCompute(Map<String, Problem> problems) {
        this.problems = problems;
    }

    Instance add(String id, int concurrency) {
        Instance instance = new Instance(id, concurrency);
        instances.add(instance);
        return instance;
    }

    int peakInFlight() {
        return peakInFlight.get();
    }

    int refused() {
        return refused.get();
    }

    @Override
    public CompletableFuture<Integer> callees() {
        return CompletableFuture.completedFuture(instances.size());
    }

    @Override
    public synchronized Call anneal(AnnealRequest request, Duration timeout) {
        List<Instance> live = new ArrayList<>(instances);
        Instance chosen = null;
        for (int i = 0; i < live.size() && chosen == null; i++) {
            Instance candidate = live.get(Math.floorMod(next.getAndIncrement(), live.size()));
            if (candidate.busy.get() < candidate.concurrency) {
                chosen = candidate;
            }
        }
        CompletableFuture<AnnealResult> result = new CompletableFuture<>();
        if (chosen == null) {
            refused.incrementAndGet();
            ComputeException refusal = new ComputeException(Failure.NO_FREE_SLOT,
                    live.isEmpty() ? "wamp.error.no_such_procedure" : "crossbar.error.max_concurrency_reached");
            CompletableFuture.delayedExecutor(refusalDelayMillis, java.util.concurrent.TimeUnit.MILLISECONDS)
                    .execute(() -> result.completeExceptionally(refusal));
            return call(result, new AtomicBoolean());
        }
        Instance instance = chosen;
        instance.busy.incrementAndGet();
        peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        instance.running.add(result);
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicBoolean freed = new AtomicBoolean();
        // the slot is free before the caller hears of the result, as the dealer frees it before it sends RESULT
        Runnable free = () -> {
            if (freed.compareAndSet(false, true)) {
                instance.busy.decrementAndGet();
                inFlight.decrementAndGet();
                instance.running.remove(result);
            }
        };
        slots.put(result, free);
        instance.threads.execute(() -> {
            try {
                PreparedProblem problem = prepared.computeIfAbsent(request.problemId(),
                        id -> PreparedProblem.of(problems.get(id)));
                AnnealOutcome outcome = new Annealer(problem).anneal(request.tourArray(),
                        new Schedule(request.t0(), request.t1()), Budget.ofMillis(request.durationMs()),
                        request.seed(), () -> cancelled.get() || !instance.alive);
                if (instance.alive) {
                    instance.served.incrementAndGet();
                    AnnealResult answer = instance.doctor.apply(AnnealResult.of(outcome, instance.id));
                    free.run();
                    result.complete(answer);
                }
            } catch (RuntimeException e) {
                fail(result, new ComputeException(Failure.LOST, e.toString()));
            }
        });
        return call(result, cancelled);
    }

    /** Frees the call's slot, then fails it. */
    private void fail(CompletableFuture<AnnealResult> result, ComputeException failure) {
        Runnable free = slots.remove(result);
        if (free != null) {
            free.run();
        }
        result.completeExceptionally(failure);
    }

    private Call call(CompletableFuture<AnnealResult> result, AtomicBoolean cancelled) {
        return Call.of(result, () -> {
            cancelled.set(true);
            fail(result, new ComputeException(Failure.LOST, "wamp.error.canceled"));
        });
    }

    @Override
    public void close() {
        instances.forEach(instance -> instance.threads.shutdownNow());
    }
}
