package dev.switchboard.benchmarks.router;

import static dev.switchboard.benchmarks.cli.CommandLine.positive;
import static dev.switchboard.benchmarks.cli.CommandLine.take;

import dev.switchboard.benchmarks.cli.CommandLine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The command line of {@link RouterLoad}: {@code --name=value} options, each with a default (see {@link #USAGE}).
 *
 * @param routerJar     the router's jar; {@code null}: {@code router-service/target/router-service-*.jar} found
 *                      from the working directory or the benchmarks jar's location
 * @param routerHeap    the router's fixed heap ({@code -Xms} = {@code -Xmx})
 * @param routerJvmArgs further JVM options of the router
 * @param jfr           where the router writes a JFR recording (profile settings), {@code null} for none
 * @param logDir        where the router's log (and the recording, by default) goes
 */
record LoadOptions(@Nullable Path routerJar, String routerHeap, List<String> routerJvmArgs, @Nullable Path jfr,
                   Path logDir, Duration warmup, Duration duration, Set<Scenario> scenarios, int rounds,
                   int inFlight, int sharedPairs, int rate, int subscribers, int window, int sessions,
                   int clientThreads, boolean epoll) {

    /** The scenarios, in the order they run. */
    enum Scenario {
        RPC("rpc"), RPC_SHARED("rpc-shared"), LATENCY("latency"), PUBSUB("pubsub"), SESSIONS("sessions");

        final String option;

        Scenario(String option) {
            this.option = option;
        }

        static Scenario named(String name) {
            return Arrays.stream(values()).filter(s -> s.option.equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no scenario " + name));
        }
    }

    static final String USAGE = """
            Usage: java -cp benchmarks/target/benchmarks.jar \\
                     dev.switchboard.benchmarks.router.RouterLoad [--option=value …]
              --router-jar=PATH        router jar (default: router-service/target/router-service-*.jar)
              --router-heap=1g         the router's fixed heap (-Xms = -Xmx)
              --router-jvm-args="…"    further JVM options for the router, space-separated
              --jfr[=FILE]             record the router with JFR (settings=profile) into FILE (default: log dir)
              --log-dir=DIR            where the router's log goes (default: $TMPDIR/router-load)
              --warmup=5s --duration=10s  warm-up and timed measurement of each scenario
              --scenarios=rpc,rpc-shared,latency,pubsub,sessions   which scenarios run, in this order
              --rounds=1               repeat the scenarios against the same router
              --in-flight=64           calls in flight per caller (rpc, rpc-shared)
              --shared-pairs=4         callers and callees of the shared registration (rpc-shared)
              --rate=5000              calls per second of the open-loop latency scenario
              --subscribers=10         subscribers of the pubsub scenario
              --window=256             publications in flight ahead of the slowest subscriber (pubsub)
              --sessions=10000         idle sessions (fewer if the open-file limit is lower)
              --client-threads=2       client event loops
              --transport=epoll        client event loops: epoll or nio
            """;

    static LoadOptions parse(String... args) {
        Map<String, String> given = CommandLine.options(args);
        Path logDir = Path.of(take(given, "log-dir", Path.of(System.getProperty("java.io.tmpdir"), "router-load")
                .toString()));
        String jfr = given.remove("jfr");
        String jar = given.remove("router-jar");
        String jvmArgs = take(given, "router-jvm-args", "").trim();
        Set<Scenario> scenarios = EnumSet.noneOf(Scenario.class);
        for (String name : take(given, "scenarios", "rpc,rpc-shared,latency,pubsub,sessions").split(",")) {
            scenarios.add(Scenario.named(name.trim()));
        }
        String transport = take(given, "transport", "epoll").toLowerCase(Locale.ROOT);
        if (!transport.equals("epoll") && !transport.equals("nio")) {
            throw new IllegalArgumentException("--transport must be epoll or nio, got " + transport);
        }
        LoadOptions options = new LoadOptions(
                jar == null ? null : Path.of(jar),
                take(given, "router-heap", "1g"),
                jvmArgs.isEmpty() ? List.of() : List.of(jvmArgs.split("\\s+")),
                jfr == null ? null : jfr.isEmpty() ? logDir.resolve("router.jfr") : Path.of(jfr),
                logDir,
                CommandLine.duration(take(given, "warmup", "5s")),
                CommandLine.duration(take(given, "duration", "10s")),
                scenarios,
                positive(given, "rounds", 1),
                positive(given, "in-flight", 64),
                positive(given, "shared-pairs", 4),
                positive(given, "rate", 5000),
                positive(given, "subscribers", 10),
                positive(given, "window", 256),
                positive(given, "sessions", 10_000),
                positive(given, "client-threads", 2),
                transport.equals("epoll"));
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s): --" + String.join(", --", given.keySet()));
        }
        return options;
    }

    /** The router's JVM options: the fixed heap, the JFR recording, then {@code --router-jvm-args}. */
    List<String> routerJvmOptions() {
        List<String> jvm = new ArrayList<>(List.of("-Xms" + routerHeap, "-Xmx" + routerHeap));
        if (jfr != null) {
            jvm.add("-XX:StartFlightRecording=filename=" + jfr.toAbsolutePath() + ",settings=profile,dumponexit=true");
        }
        jvm.addAll(routerJvmArgs);
        return jvm;
    }
}
