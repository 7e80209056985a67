package dev.switchboard.orchestrator.run;

import dev.switchboard.tsp.anneal.Schedule;
import dev.switchboard.tsp.api.AnnealResult;

/**
 * Every call starts from the best tour so far, at the run's temperature, with its own seed: the baseline. Strong on
 * small instances; on large ones all but one chain's work since the last improvement is thrown away.
 */
public final class Restart implements Strategy {

    static final String NAME = "restart";

    @Override
    public void open(int chain, int[] tour) {
    }

    @Override
    public void close(int chain) {
    }

    @Override
    public Assignment next(int chain, Schedule schedule, int[] best, long bestLength) {
        return new Assignment(best, schedule.t0(), schedule.t1());
    }

    @Override
    public void absorb(int chain, Assignment assignment, AnnealResult result) {
        // the run keeps the best; nothing else carries over
    }
}
