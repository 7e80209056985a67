package dev.switchboard.orchestrator.api;

import dev.switchboard.orchestrator.OrchestratorProperties;
import dev.switchboard.orchestrator.problem.InvalidProblemException;
import dev.switchboard.orchestrator.problem.Problems;
import dev.switchboard.orchestrator.problem.ResolvedProblem;
import dev.switchboard.orchestrator.problem.TspLibCatalog;
import dev.switchboard.orchestrator.run.Run;
import dev.switchboard.orchestrator.run.RunState;
import dev.switchboard.orchestrator.run.Runs;
import dev.switchboard.orchestrator.run.RunsBusyException;
import dev.switchboard.orchestrator.run.SolveRequest;
import dev.switchboard.orchestrator.run.Strategy;
import dev.switchboard.tsp.api.ProblemPayload;
import dev.switchboard.tsp.api.TspUris;
import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.client.IncomingInvocation;
import dev.switchboard.wamp.client.WampException;
import dev.switchboard.wamp.message.InvocationPolicy;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.spring.WampValues;
import dev.switchboard.wamp.spring.annotation.WampProcedure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The orchestrator's procedures (docs/tsp-api.md), all registered with {@code invoke: first} so that a second
 * orchestrator is a hot standby: it answers as soon as the first one's session is gone. Arguments are read from
 * kwargs, or from a dict in args[0] for clients that only send positional arguments; results are a dict, sent as
 * kwargs and as args[0].
 */
final class TspProcedures {

    private static final long PROGRESS_MILLIS = 500;
    private static final long STOP_WAIT_MILLIS = 2_000;
    /** How much longer than its budget a run's answer may take (start, last results, answer). */
    private static final long ANSWER_MARGIN_MILLIS = 1_000;

    private final Runs runs;
    private final Problems problems;
    private final OrchestratorProperties properties;
    private final WampValues values;

    TspProcedures(Runs runs, Problems problems, OrchestratorProperties properties, WampValues values) {
        this.runs = runs;
        this.problems = problems;
        this.properties = properties;
        this.values = values;
    }

    /**
     * Solves a problem within a budget and answers with the run's final state; with {@code receive_progress} the
     * caller gets the run's state every half second meanwhile. The run belongs to the orchestrator: a caller that
     * leaves or cancels does not stop it ({@code tsp.stop} does).
     */
    @WampProcedure(uri = TspUris.SOLVE, invoke = InvocationPolicy.FIRST)
    Payload.Arguments solve(IncomingInvocation invocation) throws InterruptedException {
        Map<String, Object> kwargs = kwargs(invocation);
        SolveRequest request = request(kwargs);
        Long timeout = invocation.details().timeout();
        if (timeout != null && timeout > 0 && request.budgetMs() + ANSWER_MARGIN_MILLIS > timeout) {
            throw invalid("budgetMs " + request.budgetMs() + " does not fit in this call's timeout of " + timeout
                    + " ms; call with a timeout at least " + ANSWER_MARGIN_MILLIS + " ms longer than the budget");
        }
        Run run;
        try {
            run = runs.submit(request);
        } catch (RunsBusyException e) {
            throw new WampException(TspUris.ERROR_BUSY, e.getMessage());
        }
        while (!run.ended().isDone()) {
            try {
                run.ended().get(PROGRESS_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (invocation.receivesProgress() && !invocation.isInterrupted()) {
                    Map<String, Object> progress = run.snapshot(Run.Detail.PROGRESS);
                    invocation.sendProgress(Payload.of(List.of(progress), progress));
                }
            } catch (ExecutionException e) {
                break;
            }
        }
        Map<String, Object> result = run.snapshot(Run.Detail.FULL);
        if (run.state() == RunState.FAILED) {
            String uri = run.errorUri() == null ? "wamp.error.runtime_error" : run.errorUri();
            throw new WampException(uri, List.of(String.valueOf(run.error())), result);
        }
        return dict(result);
    }

    @WampProcedure(uri = TspUris.STOP, invoke = InvocationPolicy.FIRST)
    Payload.Arguments stop(IncomingInvocation invocation) {
        String runId = runId(kwargs(invocation));
        Run run = runs.stop(runId).orElseThrow(() -> noSuchRun(runId));
        try {
            run.ended().get(STOP_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // answer with the state it is in
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return dict(run.snapshot(Run.Detail.SUMMARY));
    }

    @WampProcedure(uri = TspUris.RUNS_LIST, invoke = InvocationPolicy.FIRST)
    Payload.Arguments list(IncomingInvocation invocation) {
        Map<String, Object> kwargs = kwargs(invocation);
        long limit = kwargs.get("limit") == null ? 20 : integer(kwargs.get("limit"), "limit");
        if (limit < 1) {
            throw invalid("limit must be at least 1, got " + limit);
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (Run run : runs.recent((int) Math.min(limit, properties.keptRuns() + properties.maxQueued() + 1))) {
            list.add(run.snapshot(Run.Detail.SUMMARY));
        }
        return dict(Map.of("runs", list));
    }

    @WampProcedure(uri = TspUris.RUNS_GET, invoke = InvocationPolicy.FIRST)
    Payload.Arguments get(IncomingInvocation invocation) {
        String runId = runId(kwargs(invocation));
        return dict(runs.find(runId).orElseThrow(() -> noSuchRun(runId)).snapshot(Run.Detail.FULL));
    }

    @WampProcedure(uri = TspUris.PROBLEMS_LIST, invoke = InvocationPolicy.FIRST)
    Payload.Arguments problems() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (TspLibCatalog.Entry entry : problems.catalog().entries()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", entry.name());
            item.put("n", entry.n());
            item.put("optimum", entry.optimum());
            list.add(item);
        }
        return dict(Map.of("problems", list));
    }

    @WampProcedure(uri = TspUris.PROBLEM_GET, invoke = InvocationPolicy.FIRST)
    Payload.Arguments problem(IncomingInvocation invocation) {
        Object id = kwargs(invocation).get("problemId");
        if (!(id instanceof String problemId) || problemId.isBlank()) {
            throw invalid("problemId must be a non-empty string, got " + id);
        }
        return problems.find(problemId)
                .map(problem -> dict(values.toPlainMap(ProblemPayload.of(problem))))
                .orElseThrow(() -> invalid("unknown problem " + problemId));
    }

    private SolveRequest request(Map<String, Object> kwargs) {
        ResolvedProblem problem;
        try {
            problem = problems.resolve(kwargs.get("problem"));
        } catch (InvalidProblemException e) {
            throw invalid(e.getMessage());
        }
        Object budgetValue = kwargs.get("budgetMs");
        if (budgetValue == null) {
            throw invalid("budgetMs is required: how long the run may take, in milliseconds");
        }
        long budget = integer(budgetValue, "budgetMs");
        long min = properties.minBudget().toMillis();
        long max = properties.maxBudget().toMillis();
        if (budget < min || budget > max) {
            throw invalid("budgetMs must be between " + min + " and " + max + ", got " + budget);
        }
        long seed = kwargs.get("seed") == null ? ThreadLocalRandom.current().nextLong(1L << 53)
                : integer(kwargs.get("seed"), "seed");
        Object strategyValue = kwargs.get("strategy");
        String strategy = strategyValue == null ? properties.strategy() : String.valueOf(strategyValue);
        if (!Strategy.NAMES.contains(strategy)) {
            throw invalid("strategy must be one of " + Strategy.NAMES.stream().sorted()
                    .collect(Collectors.joining(", ")) + ", got " + strategyValue);
        }
        return new SolveRequest(problem, budget, seed, strategy);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> kwargs(IncomingInvocation invocation) {
        Map<String, Object> kwargs = invocation.kwargs();
        if ((kwargs == null || kwargs.isEmpty()) && !invocation.args().isEmpty()
                && invocation.args().get(0) instanceof Map<?, ?> dict) {
            return (Map<String, Object>) dict;
        }
        return kwargs == null ? Map.of() : kwargs;
    }

    private static String runId(Map<String, Object> kwargs) {
        if (!(kwargs.get("runId") instanceof String runId) || runId.isBlank()) {
            throw invalid("runId must be a non-empty string, got " + kwargs.get("runId"));
        }
        return runId;
    }

    private static long integer(@Nullable Object value, String name) {
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
                && Math.abs(number.doubleValue()) < 0x1p53) {
            return number.longValue();
        }
        throw invalid(name + " must be an integer, got " + value);
    }

    private static Payload.Arguments dict(Map<String, Object> map) {
        return Payload.of(List.of(map), map);
    }

    private static WampException invalid(String message) {
        return new WampException(ErrorUris.INVALID_ARGUMENT, message);
    }

    private static WampException noSuchRun(String runId) {
        return new WampException(TspUris.ERROR_NO_SUCH_RUN, "no run " + runId + " is known here");
    }
}
