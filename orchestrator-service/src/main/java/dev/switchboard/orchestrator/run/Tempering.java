package dev.switchboard.orchestrator.run;

import dev.switchboard.tsp.anneal.Schedule;
import dev.switchboard.tsp.api.AnnealResult;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Asynchronous parallel tempering with the temperature ladder owned here. The open chains, in the order they were
 * opened, form a ladder: of {@code S} chains the one at rank {@code r} anneals at the run's temperature times
 * {@code ratio^(r/(S-1))}, so rank 0 follows the run's schedule and the top runs {@code ratio} times hotter; the whole
 * ladder cools with the run. Each chain continues from its own tour. When a chain's call returns, it looks at a
 * neighbour on the ladder (the one below and the one above in turn) and its last returned tour: a better tour of a
 * hotter neighbour is always taken (good tours sink to the cold end), a better tour of a colder neighbour with the
 * replica-exchange probability {@code exp((1/T_cold - 1/T_hot)(L_cold - L_hot))} (so the hot end is reseeded now and
 * then but keeps exploring). Neighbours are never waited for, so no slot idles between calls. The coldest chain also
 * takes the run's best tour whenever it is better than its own.
 */
public final class Tempering implements Strategy {

    static final String NAME = "tempering";

    private record Chain(int[] tour, long length) {
    }

    private final double ratio;
    private final SplittableRandom random;
    private final TreeMap<Integer, Chain> chains = new TreeMap<>();
    private long exchanges;

    Tempering(double ratio, long seed) {
        this.ratio = ratio;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public void open(int chain, int[] tour) {
        chains.put(chain, new Chain(tour, Long.MAX_VALUE));
    }

    @Override
    public void close(int chain) {
        chains.remove(chain);
    }

    @Override
    public Assignment next(int chain, Schedule schedule, int[] best, long bestLength) {
        Chain own = chains.get(chain);
        if (own == null) {
            throw new IllegalArgumentException("chain " + chain + " is not open");
        }
        if (chain == chains.firstKey() && bestLength < own.length()) {
            own = new Chain(best, bestLength);
            chains.put(chain, own);
        }
        int[] tour = own.tour();
        double factor = factor(chain);
        return new Assignment(tour, schedule.t0() * factor, schedule.t1() * factor);
    }

    @Override
    public void absorb(int chain, Assignment assignment, AnnealResult result) {
        if (!chains.containsKey(chain)) {
            return;
        }
        Chain own = new Chain(result.tourArray(), result.length());
        chains.put(chain, own);
        Integer neighbour = exchanges++ % 2 == 0 ? chains.lowerKey(chain) : chains.higherKey(chain);
        if (neighbour == null) {
            return;
        }
        Chain other = chains.get(neighbour);
        if (other.length() >= own.length()) {
            return;
        }
        if (neighbour > chain) {
            chains.put(chain, other); // a hotter chain found a better tour: it sinks
            return;
        }
        double ownT = assignment.t1();
        double colderT = ownT / factor(chain) * factor(neighbour);
        if (colderT > 0 && ownT > colderT
                && random.nextDouble() < Math.exp((1 / colderT - 1 / ownT) * (other.length() - own.length()))) {
            chains.put(chain, other); // a colder chain's better tour rises, with the exchange probability
        }
    }

    /** The chain's temperature over the run's: {@code ratio^(rank/(S-1))}. */
    private double factor(int chain) {
        int size = chains.size();
        if (size <= 1) {
            return 1;
        }
        int rank = chains.headMap(chain).size();
        return Math.pow(ratio, rank / (double) (size - 1));
    }
}
