package dev.switchboard.orchestrator.run;

/** What the world hears of runs: the orchestrator publishes these on the {@code tsp.run.*} topics. */
public interface RunEvents {

    void started(Run run);

    /** While a run runs, every {@code switchboard.orchestrator.progress-interval}. */
    void progress(Run run);

    /** A run found a better tour (at most ten times a second). */
    void best(Run run, Run.Best best);

    void finished(Run run);
}
