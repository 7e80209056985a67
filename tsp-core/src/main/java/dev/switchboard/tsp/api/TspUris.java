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
    /** RPC, orchestrator: the TSPLIB instances it offers, with their optimal lengths where known. */
    public static final String PROBLEMS_LIST = "tsp.problems.list";
    /** RPC, orchestrator: {@code {problemId}} → the problem's cities ({@link ProblemPayload}). */
    public static final String PROBLEM_GET = "tsp.problem.get";
    /**
     * RPC, shared registration on every compute instance: {@link AnnealRequest} → {@link AnnealResult}.
     */
    public static final String COMPUTE_ANNEAL = "tsp.compute.anneal";
    /**
     * RPC, ui-service: the last minutes of compute load and the recent runs (with the running run's best tour), so a
     * newly opened dashboard shows them at once.
     */
    public static final String UI_HISTORY = "tsp.ui.history";

    /** Topic: a run started. */
    public static final String RUN_STARTED = "tsp.run.started";
    /** Topic: a run's progress (best length, temperature, elapsed and budget, calls in flight). */
    public static final String RUN_PROGRESS = "tsp.run.progress";
    /** Topic: a run found a better tour. */
    public static final String RUN_BEST = "tsp.run.best";
    /** Topic: a run finished. */
    public static final String RUN_FINISHED = "tsp.run.finished";
    /** Topic: every compute instance and donor reports its load at 1 Hz. */
    public static final String COMPUTE_LOAD = "tsp.compute.load";

    /** Error: {@code tsp.stop} or {@code tsp.runs.get} named a run the orchestrator does not know. */
    public static final String ERROR_NO_SUCH_RUN = "tsp.error.no_such_run";
    /** Error: no compute instance registered {@link #COMPUTE_ANNEAL} within the orchestrator's wait. */
    public static final String ERROR_NO_COMPUTE = "tsp.error.no_compute";
    /** Error: too many runs are queued already. */
    public static final String ERROR_BUSY = "tsp.error.busy";

    private TspUris() {
    }
}
