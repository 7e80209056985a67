package dev.switchboard.benchmarks.tsp;

import dev.switchboard.tsp.Problem;
import dev.switchboard.tsp.Tour;
import dev.switchboard.tsp.anneal.AnnealOutcome;
import dev.switchboard.tsp.anneal.Annealer;
import dev.switchboard.tsp.anneal.Budget;
import dev.switchboard.tsp.anneal.NearestNeighbourTour;
import dev.switchboard.tsp.anneal.PreparedProblem;
import dev.switchboard.tsp.anneal.Schedule;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the kernel single-threaded the way the orchestrator will spread it: epochs of a few hundred milliseconds,
 * each restarting from the best tour so far with its slice of {@link Schedule#suggested}, and prints the gap to
 * the optimum per instance.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.switchboard.benchmarks.tsp.QualityCheck
 * [seconds=5] [runs=3] [epochMs=200] [instances=berlin52,kroA100,ch150,a280,pcb442,pr1002]}; an instance may
 * carry its own seconds as {@code name:seconds}.
 */
public final class QualityCheck {

    private QualityCheck() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long epochMs = args.length > 2 ? Long.parseLong(args[2]) : 200;
        List<String> instances = List.of((args.length > 3 ? args[3]
                : "berlin52,kroA100,ch150,a280,pcb442,pr1002").split(","));
        Map<String, Long> optima = Instances.optima();
        System.out.printf(Locale.ROOT, "%-9s %6s %5s %10s %10s %8s %8s %9s %9s%n", "instance", "secs", "run",
                "length", "optimum", "gap%", "Mprop/s", "accept%", "overrun");
        for (String entry : instances) {
            String[] parts = entry.split(":");
            String name = parts[0];
            double instanceSeconds = parts.length > 1 ? Double.parseDouble(parts[1]) : seconds;
            Problem problem = Instances.load(name);
            long optimum = optima.get(name);
            int hits = 0;
            double gapSum = 0;
            for (int run = 0; run < runs; run++) {
                Result result = solve(problem, (long) (instanceSeconds * 1000), epochMs, run + 1);
                double gap = 100.0 * (result.length - optimum) / optimum;
                gapSum += gap;
                hits += result.length == optimum ? 1 : 0;
                System.out.printf(Locale.ROOT, "%-9s %6.1f %5d %10d %10d %8.3f %8.2f %9.2f %7.3fms%n",
                        name, instanceSeconds, run + 1, result.length, optimum, gap,
                        result.proposals / (result.nanos / 1e3), 100.0 * result.accepted / result.proposals,
                        result.maxOverrunNanos / 1e6);
            }
            System.out.printf(Locale.ROOT, "%-9s mean gap %.3f%%, optimal in %d of %d runs%n", name, gapSum / runs,
                    hits, runs);
        }
    }

    /** A solve's best length, work done, and the largest amount by which a call overran its time budget. */
    record Result(long length, long proposals, long accepted, long nanos, long maxOverrunNanos) {
    }

    /** A solve as the orchestrator would run it on one core: prepare, start tour, then epochs from the best. */
    static Result solve(Problem problem, long budgetMs, long epochMs, long seed) {
        long start = System.nanoTime();
        PreparedProblem prepared = PreparedProblem.of(problem);
        Annealer annealer = new Annealer(prepared);
        Tour best = NearestNeighbourTour.build(prepared, 0);
        long bestLength = prepared.length(best);
        Schedule schedule = Schedule.suggested(prepared);
        long deadline = start + budgetMs * 1_000_000;
        long proposals = 0;
        long accepted = 0;
        long maxOverrun = 0;
        int epochs = (int) Math.max(1, budgetMs / epochMs);
        for (int epoch = 0; epoch < epochs; epoch++) {
            long remaining = (deadline - System.nanoTime()) / (epochs - epoch);
            if (remaining <= 0) {
                break;
            }
            Schedule slice = schedule.slice(epoch / (double) epochs, (epoch + 1) / (double) epochs);
            AnnealOutcome outcome = annealer.anneal(best, slice, Budget.ofNanos(remaining),
                    seed * 1_000_003 + epoch, () -> false);
            maxOverrun = Math.max(maxOverrun, outcome.elapsedNanos() - remaining);
            proposals += outcome.proposals();
            accepted += outcome.accepted();
            if (outcome.length() < bestLength) {
                best = outcome.tour();
                bestLength = outcome.length();
            }
        }
        return new Result(bestLength, proposals, accepted, System.nanoTime() - start, maxOverrun);
    }
}
