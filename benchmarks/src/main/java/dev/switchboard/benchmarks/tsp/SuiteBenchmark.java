package dev.switchboard.benchmarks.tsp;

import dev.switchboard.benchmarks.tsp.Solver.Outcome;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * The solver's suite-level benchmarks: the whole suite as processes on loopback (router, orchestrator, compute
 * instances with one anneal slot each, from their packaged jars), driven through the router by a WAMP client calling
 * {@code tsp.solve} like any other client, against the quality and scaling goals.
 *
 * <p>Build and run (from the repository root; {@code java} must be JDK 21 or later, and the services run on the same
 * JDK; the service jars must have been packaged):
 * <pre>
 * ./mvnw -B -q -pl router-service,orchestrator-service,compute-service,benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.switchboard.benchmarks.tsp.SuiteBenchmark
 * </pre>
 * <ol>
 *   <li><b>quality</b>: every TSPLIB instance of {@code --instances} (bundled, optimal lengths from SOURCE.txt)
 *       solved {@code --runs} times (default 10) with its budget and the first strategy of {@code --strategies};
 *       the {@code --compare} instances also with every further strategy (runs interleaved, the same seeds), so that
 *       the default strategy can be chosen on evidence. Per instance: mean gap, spread, optimum-hit rate, the compute
 *       slots' busy share of the budget ({@code busyMs / (slots × budget)}), proposals per second and when the final
 *       length was found. Every returned tour is checked (a permutation, its length recomputed).</li>
 *   <li><b>scaling</b>: the compute instances restarted as 1 and then {@code --computes} (default 2), and
 *       {@code --scaling-instance} (pcb442) solved {@code --scaling-runs} times with {@code --scaling-budget} each
 *       and every strategy (interleaved): summed proposals per second and when the gap first reached
 *       {@code --scaling-gap} (0.5%, from {@code tsp.run.best}). The throughput goal (≥ 1.8× with 2) is judged on
 *       {@code restart}, where a proposal costs the same with any number of chains; under {@code tempering} the
 *       added chains run hotter and their proposals cost more, so its ratio is shown apart.</li>
 * </ol>
 * Each (re)start of the computes is followed by an uncounted warm-up solve, so that the kernel is compiled. Every
 * part reports how busy the machine was and with what (the suite's processes by role, and other processes), since on
 * a shared machine the figures move with other people's work. The default run takes about 13 minutes.
 *
 * <p>Every process is stopped at the end, on failure, and on Ctrl-C or SIGTERM (shutdown hooks). Exit status: 0 when
 * the run completed (whether or not the goals were met), 1 when it failed, 2 for bad options. {@code --help} lists
 * the options ({@link SuiteOptions#USAGE}).
 */
public final class SuiteBenchmark {

    /** A quality goal: an instance, the budget it is for, and a least hit rate or a largest mean gap (percent). */
    private record QualityGoal(String name, long budgetMs, boolean hitRate, double threshold) {

        String text() {
            return hitRate
                    ? String.format(Locale.ROOT, "%s optimal in ≥ %.0f%% of runs within %s", name, threshold,
                    seconds(budgetMs))
                    : String.format(Locale.ROOT, "%s mean gap ≤ %s%% within %s", name, trim(threshold),
                    seconds(budgetMs));
        }
    }

    private static final List<QualityGoal> QUALITY_GOALS = List.of(
            new QualityGoal("berlin52", 1_000, true, 95),
            new QualityGoal("kroA100", 2_000, true, 90),
            new QualityGoal("ch150", 5_000, false, 0.1),
            new QualityGoal("a280", 5_000, false, 0.1),
            new QualityGoal("pcb442", 5_000, false, 0.4),
            new QualityGoal("pr1002", 5_000, false, 1.0),
            new QualityGoal("pr2392", 10_000, false, 1.5));
    private static final double SCALING_GOAL = 1.8;
    private static final double BUSY_GOAL = 0.95;
    private static final int GOAL_RUNS = 10;
    private static final String WARMUP_INSTANCE = "pr1002";

    /** The runs of one instance with one strategy (or of one compute count in the scaling part). */
    private record Group(String name, String strategy, long budgetMs, List<Outcome> runs) {

        List<Outcome> ok() {
            return runs.stream().filter(Outcome::ok).toList();
        }

        int hits() {
            return (int) runs.stream().filter(Outcome::optimal).count();
        }

        double hitRate() {
            return runs.isEmpty() ? 0 : 100.0 * hits() / runs.size();
        }

        double mean(ToDoubleFunction<Outcome> figure) {
            return ok().stream().mapToDouble(figure).average().orElse(Double.NaN);
        }

        double sd(ToDoubleFunction<Outcome> figure) {
            List<Outcome> ok = ok();
            if (ok.size() < 2) {
                return 0;
            }
            double mean = mean(figure);
            return Math.sqrt(ok.stream().mapToDouble(o -> Math.pow(figure.applyAsDouble(o) - mean, 2)).sum()
                    / (ok.size() - 1));
        }

        double min(ToDoubleFunction<Outcome> figure) {
            return ok().stream().mapToDouble(figure).min().orElse(Double.NaN);
        }

        double max(ToDoubleFunction<Outcome> figure) {
            return ok().stream().mapToDouble(figure).max().orElse(Double.NaN);
        }

        /** Pooled busy share: all busy time over all slot time. */
        double busyShare() {
            long busy = 0;
            long slotTime = 0;
            for (Outcome run : ok()) {
                busy += run.busyMs();
                slotTime += run.slots() * run.budgetMs();
            }
            return slotTime == 0 ? Double.NaN : busy / (double) slotTime;
        }

        /** Pooled proposals per second. */
        double proposalsPerSecond() {
            long proposals = 0;
            long elapsed = 0;
            for (Outcome run : ok()) {
                proposals += run.proposals();
                elapsed += run.elapsedMs();
            }
            return elapsed == 0 ? Double.NaN : proposals * 1000.0 / elapsed;
        }

        int failed() {
            return runs.size() - ok().size();
        }
    }

    /** A goal's line in the summary. */
    private record Verdict(String goal, String measured, String verdict) {
    }

    private SuiteBenchmark() {
    }

    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.print(SuiteOptions.USAGE);
            return;
        }
        SuiteOptions options;
        try {
            options = SuiteOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(SuiteOptions.USAGE);
            System.exit(2);
            return;
        }
        try {
            run(options);
        } catch (IllegalStateException e) {
            System.err.println("suite-benchmark failed: " + e.getMessage());
            System.exit(1);
        } catch (Exception e) {
            System.err.println("suite-benchmark failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0); // the WAMP client's threads must not keep the JVM alive
    }

    private static void run(SuiteOptions options) throws Exception {
        for (SuiteOptions.Budgeted instance : options.instances()) {
            Instances.load(instance.name()); // an unknown instance fails here, before anything starts
        }
        Instances.load(options.scalingInstance());
        Path root = options.root() != null ? options.root() : Suite.findRoot();
        double[] loadBefore = MachineLoad.loadAverage();
        int cores = Runtime.getRuntime().availableProcessors();
        long plannedMs = options.plannedSolveMs();
        System.out.printf(Locale.ROOT, "suite-benchmark %s UTC%n",
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(Instant.now().atOffset(ZoneOffset.UTC)));
        System.out.printf(Locale.ROOT, "machine: %d cores (availableProcessors), %s; load average before the start"
                        + " %s (1/5/15 min)%n", cores, System.getProperty("java.vm.name") + " "
                        + Runtime.version(), loadBefore.length == 0 ? "unknown"
                        : String.format(Locale.ROOT, "%.2f %.2f %.2f", loadBefore[0], loadBefore[1], loadBefore[2]));
        System.out.printf(Locale.ROOT, "suite: router + orchestrator + %d compute instance(s) as processes on"
                        + " loopback, each compute with concurrency 1 (one anneal slot); router, orchestrator and this"
                        + " client share the same %d cores with the computes%n", options.computes(), cores);
        System.out.printf(Locale.ROOT, "jars from %s; logs in %s; -Xmx%s each%n", root, options.logDir(),
                options.heap());
        System.out.printf(Locale.ROOT, "planned: %.1f min of solving (budgets only), plus start-up and warm-ups%n%n",
                plannedMs / 60_000.0);
        System.out.flush();

        MachineLoad load = MachineLoad.sampling();
        List<Verdict> verdicts = new ArrayList<>();
        List<String> loadNotes = new ArrayList<>();
        long started = System.nanoTime();
        int firstComputes = options.quality() ? options.computes() : 1;
        Exception failure = null;
        try (Suite suite = Suite.start(root, options.logDir(), options.heap(), firstComputes)) {
            System.out.printf(Locale.ROOT, "suite up in %.1f s (%d compute instance(s) registered)%n",
                    (System.nanoTime() - started) / 1e9, suite.computeCount());
            Solver solver = Solver.on(suite.client());
            if (options.quality()) {
                quality(options, suite, solver, load, verdicts, loadNotes);
            }
            if (options.scaling()) {
                scaling(options, suite, solver, load, verdicts, loadNotes);
            }
        } catch (Exception e) {
            failure = e; // the suite is stopped; what was measured is still reported
        }
        if (failure != null && verdicts.isEmpty()) {
            throw failure;
        }
        double[] loadAfter = MachineLoad.loadAverage();
        System.out.printf(Locale.ROOT, "%n=== Goals (%s UTC, %d cores; load average before %s, after %s) ===%n",
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(Instant.now().atOffset(ZoneOffset.UTC)),
                cores, loadBefore.length == 0 ? "?" : String.format(Locale.ROOT, "%.2f", loadBefore[0]),
                loadAfter.length == 0 ? "?" : String.format(Locale.ROOT, "%.2f", loadAfter[0]));
        System.out.println("| goal | measured | verdict |");
        System.out.println("|---|---|---|");
        for (Verdict verdict : verdicts) {
            System.out.printf("| %s | %s | %s |%n", verdict.goal(), verdict.measured(), verdict.verdict());
        }
        System.out.println();
        for (String note : loadNotes) {
            System.out.println(note);
        }
        System.out.printf(Locale.ROOT, "total %.1f min; all processes stopped%n",
                (System.nanoTime() - started) / 60e9);
        if (failure != null) {
            System.out.println("the run did not complete; the goals above are what was measured before it failed");
            throw failure;
        }
    }

    // --- quality ---

    private static void quality(SuiteOptions options, Suite suite, Solver solver, MachineLoad load,
                                List<Verdict> verdicts, List<String> loadNotes) throws InterruptedException {
        int slots = suite.computeCount();
        warmUp(options, solver, slots);
        System.out.printf(Locale.ROOT, "%n=== Quality: %d compute instance(s), %d slot(s); per run: t(best) = when"
                + " the final length was found, t(tgt) = when the gap first was ≤ %s%%, busy = busyMs / (slots ×"
                + " budget), slots = most chains open, inst = instances that served ===%n", slots, slots,
                trim(options.scalingGap()));
        printRunHeader();
        MachineLoad.Snapshot from = load.snapshot(suite.processes());
        Map<String, Group> groups = new LinkedHashMap<>();
        for (SuiteOptions.Budgeted instance : options.instances()) {
            List<String> strategies = options.strategiesOf(instance.name());
            int most = strategies.stream().mapToInt(s -> options.runsOf(instance.name(), s)).max().orElse(0);
            for (int run = 0; run < most; run++) {
                for (String strategy : strategies) {
                    if (run >= options.runsOf(instance.name(), strategy)) {
                        continue;
                    }
                    Outcome outcome = solver.solve(instance.name(), strategy, instance.budgetMs(),
                            options.seed() + run, slots, options.scalingGap());
                    printRun(outcome, run + 1);
                    groups.computeIfAbsent(instance.name() + "/" + strategy, key -> new Group(instance.name(),
                            strategy, instance.budgetMs(), new ArrayList<>())).runs().add(outcome);
                }
            }
        }
        String machine = load.describe(from, load.snapshot(suite.processes()));
        System.out.println(machine);
        loadNotes.add("quality part: " + machine);

        System.out.printf(Locale.ROOT, "%n=== Quality per instance (gaps in %%; busy = busyMs / (%d slots × budget);"
                + " t(best) = mean time the final length was found; max ms = longest elapsedMs; slots = most chains"
                + " the orchestrator had open) ===%n", slots);
        System.out.printf(Locale.ROOT, "%-9s %-9s %6s %4s %8s %7s %7s %7s %9s %6s %8s %7s %7s %5s  %s%n",
                "instance", "strategy", "budget", "runs", "mean gap", "sd", "min", "max", "hits", "busy", "Mprop/s",
                "t(best)", "max ms", "slots", "goal");
        for (Group group : groups.values()) {
            QualityGoal goal = goalOf(group.name());
            String verdict = goal == null ? "" : goal.text() + ": " + verdict(goal, group);
            long failedCalls = group.runs().stream().mapToLong(Outcome::failedCalls).sum();
            System.out.printf(Locale.ROOT, "%-9s %-9s %6s %4d %8.3f %7.3f %7.3f %7.3f %3d (%3.0f%%) %5.1f%% %8.2f"
                            + " %6.2fs %7.0f %5.0f  %s%s%s%n", group.name(), group.strategy(),
                    seconds(group.budgetMs()), group.runs().size(), group.mean(Outcome::gap), group.sd(Outcome::gap),
                    group.min(Outcome::gap), group.max(Outcome::gap), group.hits(), group.hitRate(),
                    100 * group.busyShare(), group.proposalsPerSecond() / 1e6,
                    group.mean(o -> o.timeToBestMs() / 1000.0), group.max(Outcome::elapsedMs),
                    group.max(Outcome::maxSlots), verdict,
                    group.failed() > 0 ? " [" + group.failed() + " runs failed]" : "",
                    failedCalls > 0 ? " [" + failedCalls + " calls failed]" : "");
        }

        for (QualityGoal goal : QUALITY_GOALS) {
            Group group = groups.get(goal.name() + "/" + options.mainStrategy());
            if (group == null) {
                verdicts.add(new Verdict(goal.text(), "not run", "—"));
                continue;
            }
            String measured = goal.hitRate()
                    ? String.format(Locale.ROOT, "optimal in %d of %d runs (%.0f%%), mean gap %.3f%%, final length"
                            + " found after %.2f s on average (at most %.2f s)", group.hits(), group.runs().size(),
                    group.hitRate(), group.mean(Outcome::gap), group.mean(o -> o.timeToBestMs() / 1000.0),
                    group.max(o -> o.timeToBestMs() / 1000.0))
                    : String.format(Locale.ROOT, "mean gap %.3f%% (min %.3f, max %.3f; %d runs)",
                    group.mean(Outcome::gap), group.min(Outcome::gap), group.max(Outcome::gap),
                    group.runs().size());
            if (group.budgetMs() != goal.budgetMs()) {
                measured += " with " + seconds(group.budgetMs());
            }
            verdicts.add(new Verdict(goal.text() + " (" + options.mainStrategy() + ")", measured,
                    verdict(goal, group)));
        }

        List<Group> main = groups.values().stream().filter(g -> g.strategy().equals(options.mainStrategy()))
                .toList();
        long busy = 0;
        long slotTime = 0;
        for (Group group : main) {
            for (Outcome run : group.ok()) {
                busy += run.busyMs();
                slotTime += run.slots() * run.budgetMs();
            }
        }
        if (slotTime > 0) {
            double share = busy / (double) slotTime;
            Group lowest = main.stream().min(Comparator.comparingDouble(Group::busyShare)).orElseThrow();
            verdicts.add(new Verdict("compute slots busy ≥ 95% of the budget (busyMs / (slots × budget))",
                    String.format(Locale.ROOT, "%.1f%% over all quality runs (%s), lowest %s %.1f%%", 100 * share,
                            options.mainStrategy(), lowest.name(), 100 * lowest.busyShare()),
                    share >= BUSY_GOAL ? "MET" : "MISSED"));
        }

        compare(options, groups, verdicts);
    }

    /** The strategies side by side on the instances that ran with more than one. */
    private static void compare(SuiteOptions options, Map<String, Group> groups, List<Verdict> verdicts) {
        if (options.strategies().size() < 2) {
            return;
        }
        System.out.printf(Locale.ROOT, "%n=== Strategies (mean gap %% ± sd, optimal runs; the same seeds;"
                + " Welch's t of the difference) ===%n");
        String main = options.mainStrategy();
        for (String other : options.strategies().subList(1, options.strategies().size())) {
            int better = 0;
            int worse = 0;
            int compared = 0;
            StringBuilder measured = new StringBuilder();
            for (SuiteOptions.Budgeted instance : options.instances()) {
                Group a = groups.get(instance.name() + "/" + main);
                Group b = groups.get(instance.name() + "/" + other);
                if (a == null || b == null) {
                    continue;
                }
                compared++;
                double diff = a.mean(Outcome::gap) - b.mean(Outcome::gap);
                double se = Math.sqrt(Math.pow(a.sd(Outcome::gap), 2) / Math.max(1, a.ok().size())
                        + Math.pow(b.sd(Outcome::gap), 2) / Math.max(1, b.ok().size()));
                boolean enough = a.ok().size() >= 2 && b.ok().size() >= 2;
                double t = !enough ? Double.NaN
                        : se == 0 ? (diff == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, diff)) : diff / se;
                String lead = !enough ? "too few runs to tell" : Math.abs(t) < 2 ? "no clear difference"
                        : (diff < 0 ? main : other) + " better";
                if (enough && Math.abs(t) >= 2) {
                    if (diff < 0) {
                        better++;
                    } else {
                        worse++;
                    }
                }
                System.out.printf(Locale.ROOT, "%-9s %6s  %-9s %.3f ± %.3f (%d/%d)   %-9s %.3f ± %.3f (%d/%d)"
                                + "   t = %+.1f: %s%n", instance.name(), seconds(instance.budgetMs()), main,
                        a.mean(Outcome::gap), a.sd(Outcome::gap), a.hits(), a.runs().size(), other,
                        b.mean(Outcome::gap), b.sd(Outcome::gap), b.hits(), b.runs().size(), t, lead);
                measured.append(measured.isEmpty() ? "" : "; ").append(String.format(Locale.ROOT,
                        "%s %.3f%% vs %.3f%% (%d/%d runs)", instance.name(), a.mean(Outcome::gap),
                        b.mean(Outcome::gap), a.runs().size(), b.runs().size()));
            }
            if (compared > 0) {
                String conclusion = String.format(Locale.ROOT, "%s clearly better on %d, %s on %d, no clear"
                        + " difference on %d of %d instances", main, better, other, worse, compared - better - worse,
                        compared);
                System.out.println(conclusion);
                verdicts.add(new Verdict("strategy comparison " + main + " vs " + other + " (mean gap)",
                        measured.toString(), conclusion));
            }
        }
    }

    /**
     * MET or MISSED with the goal's budget; with a shorter budget only MET counts (a miss says nothing about the
     * goal), with a longer one neither does.
     */
    private static String verdict(QualityGoal goal, Group group) {
        boolean met = goal.hitRate() ? group.hitRate() >= goal.threshold()
                : group.failed() == 0 && group.mean(Outcome::gap) <= goal.threshold() + 1e-9;
        String fewRuns = group.runs().size() < GOAL_RUNS ? " (fewer than 10 runs)" : "";
        if (group.budgetMs() > goal.budgetMs() || group.budgetMs() < goal.budgetMs() && !met) {
            return "n/a (budget " + seconds(group.budgetMs()) + ", the goal's " + seconds(goal.budgetMs()) + ")";
        }
        return (met ? "MET" : "MISSED") + fewRuns;
    }

    private static @Nullable QualityGoal goalOf(String name) {
        return QUALITY_GOALS.stream().filter(goal -> goal.name().equals(name)).findFirst().orElse(null);
    }

    // --- scaling ---

    private static void scaling(SuiteOptions options, Suite suite, Solver solver, MachineLoad load,
                                List<Verdict> verdicts, List<String> loadNotes) throws Exception {
        int most = options.computes();
        List<Integer> counts = most == 1 ? List.of(1) : List.of(1, most);
        List<String> strategies = options.strategies();
        Map<String, Map<Integer, Group>> groups = new LinkedHashMap<>();
        Map<String, Map<Integer, Double>> computeCpu = new LinkedHashMap<>();
        boolean fresh = !options.quality(); // the suite has just started with one compute instance
        for (int count : counts) {
            if (!fresh || suite.computeCount() != count) {
                suite.restartComputes(count);
            }
            fresh = false;
            warmUp(options, solver, count);
            System.out.printf(Locale.ROOT, "%n=== Scaling: %s with %d compute instance(s), %s each ===%n",
                    options.scalingInstance(), count, seconds(options.scalingBudgetMs()));
            printRunHeader();
            MachineLoad.Snapshot from = load.snapshot(suite.processes());
            for (int run = 0; run < options.scalingRuns(); run++) {
                for (String strategy : strategies) { // interleaved, so that both see the same machine
                    MachineLoad.Snapshot before = load.snapshot(suite.processes());
                    Outcome outcome = solver.solve(options.scalingInstance(), strategy, options.scalingBudgetMs(),
                            options.seed() + run, count, options.scalingGap());
                    MachineLoad.Snapshot after = load.snapshot(suite.processes());
                    printRun(outcome, run + 1);
                    groups.computeIfAbsent(strategy, k -> new LinkedHashMap<>()).computeIfAbsent(count,
                            k -> new Group(options.scalingInstance(), strategy, options.scalingBudgetMs(),
                                    new ArrayList<>())).runs().add(outcome);
                    computeCpu.computeIfAbsent(strategy, k -> new LinkedHashMap<>())
                            .merge(count, MachineLoad.cpuSeconds(before, after, "computes"), Double::sum);
                }
            }
            MachineLoad.Snapshot to = load.snapshot(suite.processes());
            String machine = load.describe(from, to);
            System.out.println(machine);
            loadNotes.add("scaling part, " + count + " compute instance(s): " + machine);
        }

        String target = trim(options.scalingGap()) + "%";
        System.out.printf(Locale.ROOT, "%n=== Scaling summary (%s, %s) ===%n", options.scalingInstance(),
                seconds(options.scalingBudgetMs()));
        System.out.printf(Locale.ROOT, "%-9s %-8s %4s %9s %6s %9s %13s %9s %12s%n", "strategy", "computes", "runs",
                "Mprop/s", "busy", "mean gap", "reached " + target, "t(" + target + ")", "Mprop/CPU-s");
        groups.forEach((strategy, byCount) -> byCount.forEach((count, group) -> {
            long proposals = group.runs().stream().mapToLong(Outcome::proposals).sum();
            double cpu = computeCpu.get(strategy).getOrDefault(count, 0.0);
            System.out.printf(Locale.ROOT, "%-9s %-8d %4d %9.2f %5.1f%% %8.3f%% %9d of %-2d %8s %12s%n", strategy,
                    count, group.runs().size(), group.proposalsPerSecond() / 1e6, 100 * group.busyShare(),
                    group.mean(Outcome::gap), reached(group), group.runs().size(), timeToTarget(group),
                    cpu > 0 ? String.format(Locale.ROOT, "%.2f", proposals / cpu / 1e6) : "?");
        }));
        System.out.println("(Mprop/CPU-s: proposals per CPU-second the compute processes used in those runs; it does"
                + " not move with other processes' load, Mprop/s does)");
        if (counts.size() < 2) {
            return;
        }
        // Throughput is judged where a proposal costs the same with 1 and with more chains: under restart every
        // chain anneals at the run's temperature. Under tempering the added chains run hotter, accept more moves and
        // so make fewer (costlier) proposals per second: that ratio is shown, but it measures the ladder, not scaling.
        String judged = strategies.contains("restart") ? "restart" : options.mainStrategy();
        for (String strategy : strategies) {
            Group one = groups.get(strategy).get(1);
            Group many = groups.get(strategy).get(most);
            double ratio = many.proposalsPerSecond() / one.proposalsPerSecond();
            double cpuRatio = computeCpu.get(strategy).get(most) / computeCpu.get(strategy).get(1);
            System.out.printf(Locale.ROOT, "%s: proposals/s with %d vs 1: %.2fx (compute CPU used %.2fx)%s%n",
                    strategy, most, ratio, cpuRatio, strategy.equals(judged)
                            ? String.format(Locale.ROOT, " (goal ≥ %.1fx)", SCALING_GOAL) : "");
            if (strategy.equals(judged)) {
                verdicts.add(new Verdict(String.format(Locale.ROOT,
                        "summed proposals/s, %d vs 1 compute instance ≥ %.1fx (%s: same work per proposal)", most,
                        SCALING_GOAL, strategy), String.format(Locale.ROOT, "%.2fx (%.2f vs %.2f M/s, %s, %d runs "
                                + "each; compute CPU %.2fx)", ratio, many.proposalsPerSecond() / 1e6,
                        one.proposalsPerSecond() / 1e6, options.scalingInstance(), one.runs().size(), cpuRatio),
                        ratio >= SCALING_GOAL ? "MET" : "MISSED"));
            } else {
                verdicts.add(new Verdict(String.format(Locale.ROOT, "summed proposals/s, %d vs 1 compute instance,"
                        + " %s", most, strategy), String.format(Locale.ROOT, "%.2fx (%.2f vs %.2f M/s; its hotter"
                                + " chains make costlier proposals)", ratio, many.proposalsPerSecond() / 1e6,
                        one.proposalsPerSecond() / 1e6), "(shown)"));
            }
            String speedUp;
            if (reached(one) == one.runs().size() && reached(many) == many.runs().size()) {
                speedUp = String.format(Locale.ROOT, "speed-up %.2fx", meanTimeToTarget(one) / meanTimeToTarget(many));
            } else {
                speedUp = "not reached in every run";
            }
            System.out.printf(Locale.ROOT, "%s: time to %s with %d vs 1: %s vs %s, %s%n", strategy, target, most,
                    timeToTarget(many), timeToTarget(one), speedUp);
            verdicts.add(new Verdict(String.format(Locale.ROOT, "time to reach %s on %s, 1 vs %d compute instances,"
                    + " %s", target, options.scalingInstance(), most, strategy), String.format(Locale.ROOT,
                    "%s (%d of %d runs) vs %s (%d of %d runs): %s", timeToTarget(one), reached(one),
                    one.runs().size(), timeToTarget(many), reached(many), many.runs().size(), speedUp),
                    "(no numeric goal)"));
        }
        double lowestBusy = groups.values().stream().flatMap(byCount -> byCount.values().stream())
                .mapToDouble(Group::busyShare).min().orElse(0);
        verdicts.add(new Verdict("compute slots busy ≥ 95% in the scaling runs", String.format(Locale.ROOT,
                "%.1f%% at the lowest", 100 * lowestBusy), lowestBusy >= BUSY_GOAL ? "MET" : "MISSED"));
    }

    private static int reached(Group group) {
        return (int) group.runs().stream().filter(o -> o.timeToTargetMs() >= 0).count();
    }

    private static double meanTimeToTarget(Group group) {
        return group.runs().stream().filter(o -> o.timeToTargetMs() >= 0).mapToLong(Outcome::timeToTargetMs)
                .average().orElse(Double.NaN) / 1000.0;
    }

    private static String timeToTarget(Group group) {
        return reached(group) == 0 ? "never" : String.format(Locale.ROOT, "%.2fs", meanTimeToTarget(group));
    }

    // --- helpers ---

    /** An uncounted solve, so that the computes' kernel and the orchestrator are compiled before anything counts. */
    private static void warmUp(SuiteOptions options, Solver solver, int slots) throws InterruptedException {
        if (options.warmupMs() == 0) {
            return;
        }
        Outcome warmup = solver.solve(WARMUP_INSTANCE, options.mainStrategy(), options.warmupMs(), 0, slots,
                options.scalingGap());
        System.out.printf(Locale.ROOT, "warm-up: %s %s, %s, gap %.3f%% (not counted)%n", WARMUP_INSTANCE,
                seconds(options.warmupMs()), warmup.state(), warmup.gap());
        if (!warmup.ok()) {
            throw new IllegalStateException("the warm-up solve failed: " + warmup);
        }
    }

    private static void printRunHeader() {
        System.out.printf(Locale.ROOT, "%-9s %-9s %6s %3s %9s %8s %8s %7s %6s %6s %9s %6s %5s %5s%n", "instance",
                "strategy", "budget", "run", "length", "gap%", "elapsed", "t(best)", "t(tgt)", "calls", "Mprop/s",
                "busy", "slots", "inst");
    }

    private static void printRun(Outcome o, int run) {
        if (o.error() != null || !o.ok()) {
            System.out.printf(Locale.ROOT, "%-9s %-9s %6s %3d FAILED: state %s, valid tour %s, %s%n", o.name(),
                    o.strategy(), seconds(o.budgetMs()), run, o.state(), o.validTour(), o.error());
        } else {
            System.out.printf(Locale.ROOT, "%-9s %-9s %6s %3d %9d %8.3f %7dms %6.2fs %6s %6d %9.2f %5.1f%% %5d %5d"
                            + "%s%n", o.name(), o.strategy(), seconds(o.budgetMs()), run, o.length(), o.gap(),
                    o.elapsedMs(), o.timeToBestMs() / 1000.0,
                    o.timeToTargetMs() < 0 ? "-" : String.format(Locale.ROOT, "%.2fs", o.timeToTargetMs() / 1000.0),
                    o.computeCalls(), o.proposalsPerSecond() / 1e6, 100 * o.busyShare(), o.maxSlots(),
                    o.instancesServed(), o.failedCalls() > 0 ? "  (" + o.failedCalls() + " failed calls)" : "");
        }
        System.out.flush();
    }

    private static String seconds(long ms) {
        return ms % 1000 == 0 ? ms / 1000 + "s" : trim(ms / 1000.0) + "s";
    }

    private static String trim(double value) {
        String text = String.format(Locale.ROOT, "%.3f", value);
        return text.replaceFirst("\\.?0+$", "");
    }
}
