package dev.switchboard.orchestrator.problem;

import dev.switchboard.tsp.Problem;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A problem a run solves, with the id compute instances fetch it by.
 *
 * @param problemId the id ({@code tsplib:<name>}, {@code random:<n>:<seed>} or {@code inline:<hash>})
 * @param problem the cities
 * @param optimum the proven optimal length, where known
 */
public record ResolvedProblem(String problemId, Problem problem, @Nullable Long optimum) {

    public ResolvedProblem {
        Objects.requireNonNull(problemId, "problemId");
        Objects.requireNonNull(problem, "problem");
    }
}
