package dev.switchboard.orchestrator.run;

import dev.switchboard.tsp.anneal.Schedule;
import dev.switchboard.tsp.api.AnnealResult;
import java.util.Set;

/**
 * How a run keeps its chains: one chain per compute slot, each a sequence of anneal calls, where the strategy decides
 * what every next call starts from and at what temperature, and what a result changes. Chains are independent: a
 * chain's next call goes out as soon as its last one returns, so no slot waits for another. One instance per run,
 * used by the run's loop thread only.
 */
public sealed interface Strategy permits Tempering, Restart {

    /** The names {@code tsp.solve} accepts. */
    Set<String> NAMES = Set.of(Tempering.NAME, Restart.NAME);

    /** The start tour and temperatures of one anneal call. */
    record Assignment(int[] tour, double t0, double t1) {
    }

    /** A new chain (a new slot), starting from {@code tour}. */
    void open(int chain, int[] tour);

    /** A chain whose slot is gone. */
    void close(int chain);

    /**
     * The next call of {@code chain}.
     *
     * @param schedule the run's schedule over the call: the coldest chain's temperatures
     * @param best the best tour so far
     * @param bestLength its length
     */
    Assignment next(int chain, Schedule schedule, int[] best, long bestLength);

    /** The result of a call of {@code chain}. */
    void absorb(int chain, Assignment assignment, AnnealResult result);

    /** The strategy of this name ({@link #NAMES}). */
    static Strategy named(String name, double ladderRatio, long seed) {
        return switch (name) {
            case Tempering.NAME -> new Tempering(ladderRatio, seed);
            case Restart.NAME -> new Restart();
            default -> throw new IllegalArgumentException("unknown strategy " + name);
        };
    }
}
