package dev.switchboard.orchestrator;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The orchestrator, under {@code switchboard.orchestrator}.
 *
 * @param tsplibDir       a directory of TSPLIB {@code .tsp} files offered besides the bundled ones (an optional
 *                        {@code SOURCE.txt} there lists optimal lengths); none when absent
 * @param epoch           how long each anneal call of a run lasts at least (up to four times longer while a call's
 *                        round trip costs more than 2% of it)
 * @param minBudget       the shortest budget {@code tsp.solve} accepts
 * @param maxBudget       the longest budget {@code tsp.solve} accepts (below the router's default call timeout, which
 *                        ends calls that set none)
 * @param maxCities       the largest problem {@code tsp.solve} accepts
 * @param computeWait     how long a run waits for a compute instance before it fails with {@code tsp.error.no_compute}
 * @param callGrace       how much longer than its duration an anneal call may take before it counts as failed
 * @param maxSlots        the most anneal calls one run keeps in flight
 * @param maxQueued       how many runs may wait behind the running one; more are refused with {@code tsp.error.busy}
 * @param keptRuns        how many ended runs {@code tsp.runs.list} and {@code tsp.runs.get} remember
 * @param strategy        the strategy of runs that do not name one: {@code tempering} or {@code restart}
 * @param ladderRatio     tempering: the hottest chain's temperature over the coldest's
 * @param progressInterval how often {@code tsp.run.progress} is published while a run runs
 */
@ConfigurationProperties("switchboard.orchestrator")
public record OrchestratorProperties(
        @Nullable String tsplibDir,
        @DefaultValue("250ms") Duration epoch,
        @DefaultValue("100ms") Duration minBudget,
        @DefaultValue("4m") Duration maxBudget,
        @DefaultValue("100000") int maxCities,
        @DefaultValue("5s") Duration computeWait,
        @DefaultValue("500ms") Duration callGrace,
        @DefaultValue("256") int maxSlots,
        @DefaultValue("8") int maxQueued,
        @DefaultValue("50") int keptRuns,
        @DefaultValue("tempering") String strategy,
        @DefaultValue("4") double ladderRatio,
        @DefaultValue("250ms") Duration progressInterval) {

    public OrchestratorProperties {
        require(epoch.toMillis() >= 20, "epoch must be at least 20ms");
        require(minBudget.toMillis() >= 1 && maxBudget.compareTo(minBudget) >= 0,
                "min-budget must be positive and max-budget at least min-budget");
        require(maxCities >= 3, "max-cities must be at least 3");
        require(maxSlots >= 1, "max-slots must be at least 1");
        require(maxQueued >= 0, "max-queued must be at least 0");
        require(keptRuns >= 1, "kept-runs must be at least 1");
        require(ladderRatio >= 1, "ladder-ratio must be at least 1");
        require(progressInterval.toMillis() >= 10, "progress-interval must be at least 10ms");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("switchboard.orchestrator." + message);
        }
    }
}
