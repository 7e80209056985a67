package dev.switchboard.tsp.api;

/** The URIs of the TSP API (ARCHITECTURE.md, "The TSP API"): procedures and topics. */
public final class TspUris {

    /** RPC, orchestrator: solve a problem within a budget; streams progress with {@code receive_progress}. */
    public static final String SOLVE = "tsp.solve";
    /** RPC, orchestrator: stop a run. */
    public static final String STOP = "tsp.stop";
    /** RPC, orchestrator: the runs known, for late-joining dashboards. */
    public static final String RUNS_LIST = "tsp.runs.list";
    /** RPC, orchestrator: one run's state. */
    public static final String RUNS_GET = "tsp.runs.get";
    /** RPC, orchestrator: {@code {problemId}} → the problem's cities ({@link ProblemPayload}). */
    public static final String PROBLEM_GET = "tsp.problem.get";
    /**
     * RPC, shared registration on every compute instance: {@link AnnealRequest} → {@link AnnealResult}.
     */
    public static final String COMPUTE_ANNEAL = "tsp.compute.anneal";

    /** Topic: a run's progress (best length, temperature, elapsed and budget, calls in flight). */
    public static final String RUN_PROGRESS = "tsp.run.progress";
    /** Topic: a run found a better tour. */
    public static final String RUN_BEST = "tsp.run.best";
    /** Topic: a run finished. */
    public static final String RUN_FINISHED = "tsp.run.finished";
    /** Topic: every compute instance and donor reports its load at 1 Hz. */
    public static final String COMPUTE_LOAD = "tsp.compute.load";

    private TspUris() {
    }
}
