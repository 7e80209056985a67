package dev.switchboard.orchestrator.run;

import dev.switchboard.orchestrator.problem.ResolvedProblem;
import java.util.Objects;

/**
 * A validated {@code tsp.solve} request.
 *
 * @param problem the problem
 * @param budgetMs how long the run may take
 * @param seed the seed of the run's random choices and of its calls' seeds
 * @param strategy the strategy's name
 */
public record SolveRequest(ResolvedProblem problem, long budgetMs, long seed, String strategy) {

    public SolveRequest {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(strategy, "strategy");
    }
}
