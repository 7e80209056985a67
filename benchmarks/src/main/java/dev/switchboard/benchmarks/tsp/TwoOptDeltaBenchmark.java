package dev.switchboard.benchmarks.tsp;

import dev.switchboard.tsp.RandomProblems;
import dev.switchboard.tsp.Tour;
import dev.switchboard.tsp.anneal.Annealer;
import dev.switchboard.tsp.anneal.Budget;
import dev.switchboard.tsp.anneal.NearestNeighbourTour;
import dev.switchboard.tsp.anneal.PreparedProblem;
import dev.switchboard.tsp.anneal.Schedule;
import dev.switchboard.tsp.anneal.TwoOptProbe;
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
 * Neighbour-list 2-opt delta evaluations per second on one core (random city, random neighbour, either
 * direction; nothing applied), on a good tour, with a distance matrix or distances computed from coordinates.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TwoOptDeltaBenchmark {

    static final int EVALUATIONS = 1 << 22;

    @Param({"kroA100", "pr1002"})
    public String instance = "kroA100";

    @Param({"matrix", "computed"})
    public String distances = "matrix";

    private TwoOptProbe probe = new TwoOptProbe(PreparedProblem.of(RandomProblems.uniform(4, 0)), Tour.identity(4).toArray());
    private long seed;

    @Setup
    public void prepare() {
        PreparedProblem problem = PreparedProblem.of(Instances.load(instance),
                new PreparedProblem.Options(PreparedProblem.Options.DEFAULTS.neighbours(),
                        distances.equals("matrix") ? 46_340 : 0));
        int[] tour = new Annealer(problem).anneal(NearestNeighbourTour.build(problem, 0), Schedule.suggested(problem),
                Budget.ofProposals(5_000_000), 1, () -> false).tour().toArray();
        probe = new TwoOptProbe(problem, tour);
    }

    @Benchmark
    @OperationsPerInvocation(EVALUATIONS)
    public long deltas() {
        return probe.sumOfDeltas(EVALUATIONS, seed++);
    }
}
