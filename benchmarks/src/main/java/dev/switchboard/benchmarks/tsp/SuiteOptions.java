package dev.switchboard.benchmarks.tsp;

import static dev.switchboard.benchmarks.cli.CommandLine.duration;
import static dev.switchboard.benchmarks.cli.CommandLine.positive;
import static dev.switchboard.benchmarks.cli.CommandLine.take;

import dev.switchboard.benchmarks.cli.CommandLine;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The command line of {@link SuiteBenchmark}: {@code --name=value} options, each with a default (see {@link #USAGE}).
 *
 * @param root            the repository root, where {@code <module>/target/<module>-*.jar} are; {@code null}: found
 *                        from the working directory or the benchmarks jar's location
 * @param logDir          where the services' logs (and the copies of their jars) go
 * @param heap            each service's {@code -Xmx}
 * @param computes        compute instances of the quality part (each with {@code concurrency=1})
 * @param instances       the quality matrix's instances with their budgets, in the order they run
 * @param runs            runs per instance with the first strategy
 * @param strategies      the first is run on every instance; the others on {@link #compare} as well
 * @param compare         the instances every strategy runs on
 * @param compareRuns     runs per instance of the further strategies
 * @param warmupMs        a solve (not counted) after every (re)start of the computes, so that the kernel is compiled
 * @param seed            the first run's seed; run {@code i} of every instance and strategy uses {@code seed + i}
 */
record SuiteOptions(@Nullable Path root, Path logDir, String heap, int computes, List<Budgeted> instances, int runs,
                    List<String> strategies, Set<String> compare, int compareRuns, boolean quality, boolean scaling,
                    String scalingInstance, long scalingBudgetMs, int scalingRuns, double scalingGap, long warmupMs,
                    long seed) {

    /** An instance of the quality matrix and the budget of each of its runs. */
    record Budgeted(String name, long budgetMs) {
    }

    /** The goals' instances and budgets (the quality goals). */
    static final String DEFAULT_INSTANCES = "berlin52:1s,kroA100:2s,ch150:5s,a280:5s,pcb442:5s,pr1002:5s,pr2392:10s";

    static final String USAGE = """
            Usage: java -cp benchmarks/target/benchmarks.jar \\
                     dev.switchboard.benchmarks.tsp.SuiteBenchmark [--option=value …]
              --instances=%s
                                       quality matrix: TSPLIB instances (bundled) with each run's budget
              --budget=DURATION        one budget for every instance instead (e.g. 3s, 500ms)
              --runs=10                runs per instance with the first strategy
              --strategies=tempering,restart
                                       the first runs on every instance, the others on the --compare instances
              --compare=pcb442,pr1002,pr2392   instances run with every strategy (runs interleaved)
              --compare-runs=N         runs per instance of the further strategies (default: --runs)
              --computes=2             compute instances (processes, concurrency 1 each) for the quality part
              --parts=quality,scaling  which parts run
              --scaling-instance=pcb442 --scaling-budget=10s --scaling-runs=5 --scaling-gap=0.5
                                       scaling: the instance solved with 1 and then --computes instances, with
                                       every strategy, and the gap (%%) whose first-reached time is compared
              --warmup=3s              an uncounted solve (pr1002) after every start of the computes; 0 for none
              --seed=1                 run i uses seed + i (the same seeds for every strategy)
              --heap=256m              -Xmx of every service
              --root=DIR               repository root with <module>/target/<module>-*.jar (default: found)
              --log-dir=DIR            services' logs (default: $TMPDIR/suite-benchmark/<date-time>)
            """.formatted(DEFAULT_INSTANCES);

    static SuiteOptions parse(String... args) {
        Map<String, String> given = CommandLine.options(args);
        String budget = given.remove("budget");
        List<Budgeted> instances = new ArrayList<>();
        for (String entry : list(take(given, "instances", DEFAULT_INSTANCES))) {
            String[] parts = entry.split(":");
            if (parts.length > 2) {
                throw new IllegalArgumentException("--instances: name or name:budget, got " + entry);
            }
            String chosen = budget != null && !budget.isEmpty() ? budget : parts.length == 2 ? parts[1] : "5s";
            instances.add(new Budgeted(parts[0], budgetMs("--instances " + parts[0], chosen)));
        }
        int runs = positive(given, "runs", 10);
        List<String> strategies = list(take(given, "strategies", "tempering,restart"));
        for (String strategy : strategies) {
            if (!strategy.equals("tempering") && !strategy.equals("restart")) {
                throw new IllegalArgumentException("--strategies: tempering or restart, got " + strategy);
            }
        }
        if (strategies.isEmpty()) {
            throw new IllegalArgumentException("--strategies: at least one");
        }
        Set<String> compare = new LinkedHashSet<>(list(take(given, "compare", "pcb442,pr1002,pr2392")));
        int compareRuns = positive(given, "compare-runs", runs);
        Set<String> parts = new LinkedHashSet<>(list(take(given, "parts", "quality,scaling")));
        for (String part : parts) {
            if (!part.equals("quality") && !part.equals("scaling")) {
                throw new IllegalArgumentException("--parts: quality and/or scaling, got " + part);
            }
        }
        String root = given.remove("root");
        String logDir = given.remove("log-dir");
        double scalingGap = Double.parseDouble(take(given, "scaling-gap", "0.5"));
        SuiteOptions options = new SuiteOptions(
                root == null || root.isEmpty() ? null : Path.of(root),
                logDir == null || logDir.isEmpty()
                        ? Path.of(System.getProperty("java.io.tmpdir"), "suite-benchmark",
                        LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")))
                        : Path.of(logDir),
                take(given, "heap", "256m"),
                positive(given, "computes", 2),
                List.copyOf(instances),
                runs,
                List.copyOf(strategies),
                Set.copyOf(compare),
                compareRuns,
                parts.contains("quality"),
                parts.contains("scaling"),
                take(given, "scaling-instance", "pcb442"),
                budgetMs("--scaling-budget", take(given, "scaling-budget", "10s")),
                positive(given, "scaling-runs", 5),
                scalingGap,
                duration(take(given, "warmup", "3s")).toMillis(),
                Long.parseLong(take(given, "seed", "1")));
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s): --" + String.join(", --", given.keySet()));
        }
        if (options.warmupMs() != 0 && options.warmupMs() < 100) {
            throw new IllegalArgumentException("--warmup: 0 or at least 100ms");
        }
        return options;
    }

    /** The strategy every instance runs with (the first of {@code --strategies}). */
    String mainStrategy() {
        return strategies.getFirst();
    }

    /** The strategies {@code name} runs with. */
    List<String> strategiesOf(String name) {
        return compare.contains(name) ? strategies : List.of(mainStrategy());
    }

    /** How many runs {@code name} gets with {@code strategy}. */
    int runsOf(String name, String strategy) {
        return strategy.equals(mainStrategy()) ? runs : compare.contains(name) ? compareRuns : 0;
    }

    /** The whole run's solving time in milliseconds, budgets only (no start-up, no overhead per call). */
    long plannedSolveMs() {
        long total = 0;
        if (quality) {
            for (Budgeted instance : instances) {
                for (String strategy : strategiesOf(instance.name())) {
                    total += runsOf(instance.name(), strategy) * instance.budgetMs();
                }
            }
        }
        if (scaling) {
            total += 2L * strategies.size() * scalingRuns * scalingBudgetMs;
        }
        return total;
    }

    private static List<String> list(String text) {
        List<String> items = new ArrayList<>();
        for (String item : text.split(",")) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        return items;
    }

    /** A budget tsp.solve accepts by default (100 ms … 4 min). */
    private static long budgetMs(String what, String text) {
        long ms = duration(text).toMillis();
        if (ms < 100 || ms > 240_000) {
            throw new IllegalArgumentException(what + ": a budget between 100ms and 4m, got " + text);
        }
        return ms;
    }
}
