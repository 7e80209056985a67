package dev.switchboard.orchestrator.run;

import dev.switchboard.orchestrator.OrchestratorProperties;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The orchestrator's runs: one runs at a time (it uses every compute slot), the others wait in order, up to
 * {@code max-queued}; ended runs are remembered, the most recent {@code kept-runs}. While a run runs, a ticker tells
 * {@link RunEvents} its progress and its new bests.
 */
public final class Runs implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Runs.class);
    private static final long BEST_TICK_MILLIS = 100;

    private final RunLoop loop;
    private final RunEvents events;
    private final OrchestratorProperties properties;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("run-loop").daemon().factory());
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("run-ticker").daemon().factory());
    /** Every run known, oldest first: queued, running and the ended ones still remembered. */
    private final Map<String, Run> runs = new LinkedHashMap<>();
    private final Deque<Run> ended = new ArrayDeque<>();
    private @Nullable Run running;
    private long publishedBest;
    private long lastProgress;

    public Runs(RunLoop loop, RunEvents events, OrchestratorProperties properties) {
        this.loop = loop;
        this.events = events;
        this.properties = properties;
        ticker.scheduleAtFixedRate(this::tick, BEST_TICK_MILLIS, BEST_TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Queues a run of {@code request}; it starts when the runs before it have ended.
     *
     * @throws RunsBusyException when {@code max-queued} runs wait already
     */
    public Run submit(SolveRequest request) {
        Run run;
        synchronized (this) {
            // one run runs, up to max-queued wait behind it
            long unfinished = runs.values().stream().filter(known -> !known.state().ended()).count();
            if (unfinished > properties.maxQueued()) {
                throw new RunsBusyException((unfinished - 1) + " runs are waiting already; try again when one has"
                        + " ended");
            }
            run = new Run(newId(), request);
            runs.put(run.id(), run);
        }
        worker.execute(() -> execute(run));
        return run;
    }

    private void execute(Run run) {
        if (run.stopRequested()) {
            run.end(RunState.STOPPED, null, null);
            remember(run);
            events.finished(run);
            run.release();
            return;
        }
        synchronized (this) {
            running = run;
            publishedBest = 0;
            lastProgress = 0;
        }
        try {
            log.info("Run {} started: {} ({} cities), budget {} ms, strategy {}", run.id(),
                    run.request().problem().problem().name(), run.request().problem().problem().size(),
                    run.request().budgetMs(), run.request().strategy());
            events.started(run);
            loop.execute(run);
        } finally {
            synchronized (this) {
                running = null;
            }
            remember(run);
            Run.Best best = run.best();
            log.info("Run {} {} after {} ms: length {}{}", run.id(), run.state().wireName(), run.elapsedMs(),
                    best == null ? "-" : best.length(), run.error() == null ? "" : " (" + run.error() + ")");
            if (best != null) {
                events.best(run, best);
            }
            events.finished(run);
            run.release();
        }
    }

    private synchronized void remember(Run run) {
        ended.addLast(run);
        while (ended.size() > properties.keptRuns()) {
            runs.remove(ended.removeFirst().id());
        }
    }

    /**
     * Publishes a new best (at most every 100 ms) and the progress of the running run. Under the lock that ends a
     * run's turn, so nothing of a run is published after {@code tsp.run.finished}.
     */
    private void tick() {
        try {
            synchronized (this) {
                Run run = running;
                if (run == null || run.state() != RunState.RUNNING) {
                    return;
                }
                Run.Best best = run.best();
                if (best != null && best.version() != publishedBest) {
                    publishedBest = best.version();
                    events.best(run, best);
                }
                long now = System.nanoTime();
                if (now - lastProgress >= properties.progressInterval().toNanos() - 5_000_000) {
                    lastProgress = now;
                    events.progress(run);
                }
            }
        } catch (RuntimeException e) {
            log.warn("Publishing run progress failed: {}", e.toString());
        }
    }

    public synchronized Optional<Run> find(String runId) {
        return Optional.ofNullable(runs.get(runId));
    }

    /** The most recent runs, newest first, the running one before the others. */
    public synchronized List<Run> recent(int limit) {
        List<Run> all = new ArrayList<>(runs.values());
        List<Run> recent = new ArrayList<>();
        if (running != null) {
            recent.add(running);
        }
        for (int i = all.size() - 1; i >= 0 && recent.size() < limit; i--) {
            if (all.get(i) != running) {
                recent.add(all.get(i));
            }
        }
        return recent.size() > limit ? recent.subList(0, limit) : recent;
    }

    /** Stops a queued or running run; an ended run is left as it is. */
    public Optional<Run> stop(String runId) {
        Optional<Run> run = find(runId);
        run.ifPresent(Run::requestStop);
        return run;
    }

    private static String newId() {
        return "run-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }

    @Override
    public void close() {
        synchronized (this) {
            runs.values().forEach(Run::requestStop);
        }
        ticker.shutdownNow();
        worker.shutdown();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker.shutdownNow();
    }
}
