package dev.switchboard.compute;

import dev.switchboard.tsp.api.ProblemPayload;

/** Where a compute instance gets the problems it is asked to anneal (the orchestrator's {@code tsp.problem.get}). */
@FunctionalInterface
public interface ProblemSource {

    /**
     * The problem with this id.
     *
     * @throws UnknownProblemException if the source does not have it or cannot be asked
     */
    ProblemPayload fetch(String problemId);

    /** The problem is not known (or could not be fetched). */
    final class UnknownProblemException extends RuntimeException {
        public UnknownProblemException(String message) {
            super(message);
        }
    }
}
