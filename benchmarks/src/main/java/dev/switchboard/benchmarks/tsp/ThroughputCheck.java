package dev.switchboard.benchmarks.tsp;

import dev.switchboard.tsp.Problem;
import dev.switchboard.tsp.RandomProblems;
import dev.switchboard.tsp.anneal.Annealer;
import dev.switchboard.tsp.anneal.Budget;
import dev.switchboard.tsp.anneal.NearestNeighbourTour;
import dev.switchboard.tsp.anneal.PreparedProblem;
import dev.switchboard.tsp.anneal.Schedule;
import dev.switchboard.tsp.anneal.TwoOptProbe;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The kernel's throughput per second of this thread's CPU time rather than wall time, for machines shared with
 * other work, where JMH's wall-clock figures mostly measure the neighbours. Same workloads as
 * {@link AnnealingBenchmark} ({@code schedule}, {@code cold}) and {@link TwoOptDeltaBenchmark}.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.switchboard.benchmarks.tsp.ThroughputCheck
 * [instances=kroA100,pr1002] [rounds=8]}; {@code rN} is a random instance of N cities.
 */
public final class ThroughputCheck {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int DELTAS = 1 << 24;
    private static final int PROPOSALS = 1 << 23;

    private ThroughputCheck() {
    }

    public static void main(String[] args) {
        List<String> instances = List.of((args.length > 0 ? args[0] : "kroA100,pr1002").split(","));
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        System.out.printf(Locale.ROOT, "%-9s %-9s %26s %26s %26s%n", "instance", "distances",
                "2-opt deltas M/s (med/max)", "proposals M/s, schedule", "proposals M/s, cold");
        long sink = 0;
        for (String name : instances) {
            Problem problem = name.matches("r\\d+") ? RandomProblems.uniform(Integer.parseInt(name.substring(1)), 1)
                    : Instances.load(name);
            for (boolean matrix : new boolean[] {true, false}) {
                PreparedProblem prepared = PreparedProblem.of(problem,
                        new PreparedProblem.Options(PreparedProblem.Options.DEFAULTS.neighbours(), matrix ? 46_340 : 0));
                Annealer annealer = new Annealer(prepared);
                Schedule schedule = Schedule.suggested(prepared);
                int[] tour = annealer.anneal(NearestNeighbourTour.build(prepared, 0), schedule,
                        Budget.ofProposals(5_000_000), 1, () -> false).tour().toArray();
                TwoOptProbe probe = new TwoOptProbe(prepared, tour);
                double[] deltas = new double[rounds];
                double[] cooling = new double[rounds];
                double[] cold = new double[rounds];
                for (int round = 0; round < rounds; round++) {
                    long start = THREADS.getCurrentThreadCpuTime();
                    sink += probe.sumOfDeltas(DELTAS, round);
                    deltas[round] = perSecond(DELTAS, start);
                    start = THREADS.getCurrentThreadCpuTime();
                    sink += annealer.anneal(tour, schedule, Budget.ofProposals(PROPOSALS), round, () -> false).length();
                    cooling[round] = perSecond(PROPOSALS, start);
                    start = THREADS.getCurrentThreadCpuTime();
                    sink += annealer.anneal(tour, Schedule.constant(schedule.t1()), Budget.ofProposals(PROPOSALS),
                            round, () -> false).length();
                    cold[round] = perSecond(PROPOSALS, start);
                }
                System.out.printf(Locale.ROOT, "%-9s %-9s %26s %26s %26s%n", name, matrix ? "matrix" : "computed",
                        medianAndMax(deltas), medianAndMax(cooling), medianAndMax(cold));
            }
        }
        if (sink == 42) {
            System.out.println();
        }
    }

    private static double perSecond(long operations, long startCpuNanos) {
        return operations / ((THREADS.getCurrentThreadCpuTime() - startCpuNanos) / 1e9) / 1e6;
    }

    private static String medianAndMax(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%.1f / %.1f", sorted[sorted.length / 2], sorted[sorted.length - 1]);
    }
}
