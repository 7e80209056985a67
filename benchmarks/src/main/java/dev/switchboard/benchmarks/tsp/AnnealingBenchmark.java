package dev.switchboard.benchmarks.tsp;

import dev.switchboard.tsp.RandomProblems;
import dev.switchboard.tsp.anneal.Annealer;
import dev.switchboard.tsp.anneal.Budget;
import dev.switchboard.tsp.anneal.NearestNeighbourTour;
import dev.switchboard.tsp.anneal.PreparedProblem;
import dev.switchboard.tsp.anneal.Schedule;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Simulated-annealing proposals per second on one core: each invocation is one kernel call of
 * {@value #PROPOSALS} proposals from a tour that has already been annealed a little (as every epoch but the
 * first starts).
 *
 * <p>{@code regime}: {@code schedule} cools over the whole {@link Schedule#suggested} range within the call,
 * {@code hot} stays at its start temperature (many accepted moves, so many reversals), {@code cold} at its end
 * temperature (almost only rejected proposals). {@code distances}: a precomputed matrix or computed from
 * coordinates.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AnnealingBenchmark {

    static final int PROPOSALS = 1 << 21;

    @Param({"kroA100", "pr1002"})
    public String instance = "kroA100";

    @Param({"matrix", "computed"})
    public String distances = "matrix";

    @Param({"schedule", "hot", "cold"})
    public String regime = "schedule";

    private Annealer annealer = new Annealer(PreparedProblem.of(RandomProblems.uniform(4, 0)));
    private int[] start = new int[0];
    private Schedule schedule = Schedule.constant(0);
    private long seed;

    @Setup
    public void prepare() {
        PreparedProblem problem = PreparedProblem.of(Instances.load(instance),
                new PreparedProblem.Options(PreparedProblem.Options.DEFAULTS.neighbours(),
                        distances.equals("matrix") ? 46_340 : 0));
        annealer = new Annealer(problem);
        Schedule suggested = Schedule.suggested(problem);
        start = annealer.anneal(NearestNeighbourTour.build(problem, 0), suggested, Budget.ofProposals(5_000_000), 1,
                () -> false).tour().toArray();
        schedule = switch (regime) {
            case "schedule" -> suggested;
            case "hot" -> Schedule.constant(suggested.t0());
            case "cold" -> Schedule.constant(suggested.t1());
            default -> throw new IllegalArgumentException("unknown regime " + regime);
        };
    }

    @Benchmark
    @OperationsPerInvocation(PROPOSALS)
    public long proposals() {
        return annealer.anneal(start, schedule, Budget.ofProposals(PROPOSALS), seed++, () -> false).length();
    }
}
