package dev.switchboard.compute;

import dev.switchboard.tsp.anneal.PreparedProblem;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The prepared problems a compute instance knows, by problem id: a bounded LRU map. The first request for an id
 * fetches and prepares the problem; concurrent requests for the same id wait for that one fetch. A failed fetch is
 * not kept, so the next request tries again.
 */
public final class ProblemCache {

    private final ProblemSource source;
    private final Map<String, CompletableFuture<PreparedProblem>> problems;

    public ProblemCache(ProblemSource source, int capacity) {
        this.source = source;
        this.problems = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<PreparedProblem>> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * The prepared problem with this id, fetched on first sight.
     *
     * @throws ProblemSource.UnknownProblemException if the source does not have it
     */
    public PreparedProblem get(String problemId) {
        CompletableFuture<PreparedProblem> entry;
        boolean fetch = false;
        synchronized (problems) {
            entry = problems.get(problemId);
            if (entry == null) {
                entry = new CompletableFuture<>();
                problems.put(problemId, entry);
                fetch = true;
            }
        }
        if (fetch) {
            try {
                entry.complete(PreparedProblem.of(source.fetch(problemId).toProblem()));
            } catch (RuntimeException e) {
                forget(problemId, entry);
                entry.completeExceptionally(e instanceof ProblemSource.UnknownProblemException ? e
                        : new ProblemSource.UnknownProblemException("problem " + problemId + " is not usable: "
                                + e.getMessage()));
            }
        }
        try {
            return entry.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** How many problems are cached (or being fetched). */
    public int size() {
        synchronized (problems) {
            return problems.size();
        }
    }

    /** Whether this id is cached (without touching its recency). */
    public boolean contains(String problemId) {
        synchronized (problems) {
            return problems.keySet().contains(problemId);
        }
    }

    private void forget(String problemId, CompletableFuture<PreparedProblem> entry) {
        synchronized (problems) {
            problems.remove(problemId, entry);
        }
    }
}
