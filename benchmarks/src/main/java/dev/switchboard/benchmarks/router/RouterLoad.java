package dev.switchboard.benchmarks.router;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Load test of the router: starts the router jar as a separate JVM with a fixed heap on free loopback ports, drives
 * it from this JVM over RawSocket with MessagePack on Netty (epoll) event loops, and reports throughput, latency and
 * the router's CPU time per operation (from the OS, all its threads) and heap per idle session, against the goals.
 *
 * <p>Build and run (from the repository root; {@code java} must be JDK 21 or later, and the router runs on the same
 * JDK; {@code --enable-native-access} only silences Netty's warning on JDK 24 and later):
 * <pre>
 * ./mvnw -B -q -pl router-service,benchmarks -am package -DskipTests
 * java --enable-native-access=ALL-UNNAMED -cp benchmarks/target/benchmarks.jar \
 *     dev.switchboard.benchmarks.router.RouterLoad
 * </pre>
 * The default run takes about a minute and a half: each scenario warms up (5 s) and is then measured (10 s). The
 * router runs from a copy of its jar, so rebuilding it meanwhile does no harm.
 * <ol>
 *   <li>{@code rpc}: 1 caller → 1 callee, 64 calls in flight: round trips per second;</li>
 *   <li>{@code rpc-shared}: 4 callers → 4 callees of one shared {@code roundrobin} registration, 64 calls in flight
 *       each;</li>
 *   <li>{@code latency}: 5,000 calls/s scheduled open loop, p50/p90/p99/p99.9 from each call's due time;</li>
 *   <li>{@code pubsub}: 1 publisher → 10 subscribers, events delivered per second, with a loss count that must be
 *       0 (sequence numbers, flow control on the slowest subscriber);</li>
 *   <li>{@code sessions}: heap per idle session with 10,000 RawSocket sessions open (heap after a full GC through
 *       JMX, before and after). Each session takes a file descriptor in both processes: with {@code ulimit -n}
 *       below about 10,500 fewer sessions are opened, and the report says how many; raise it with
 *       {@code ulimit -n 20000} (up to the hard limit, {@code ulimit -Hn}) in the shell that starts the tool.</li>
 * </ol>
 * Every scenario also reports the router's CPU in cores and in µs per operation, its allocation per operation, its
 * CPU per kind of thread (event loops, realm loop, GC, JIT), how long its threads waited for a CPU (run queue, from
 * {@code /proc/<pid>/task/<tid>/schedstat}), this client's CPU, and how busy the whole machine was: on a shared
 * machine compare the CPU figures rather than the rates, and repeat runs. Connections the router closed, errors and
 * outbound-queue overflows are reported with each scenario; a scenario that lost connections or answers counts as
 * failed against its goal.
 *
 * <p>Options ({@code --name=value}, see {@link LoadOptions#USAGE} or {@code --help}): {@code --warmup=5s},
 * {@code --duration=10s}, {@code --scenarios=rpc,rpc-shared,latency,pubsub,sessions}, {@code --rounds=1},
 * {@code --in-flight=64}, {@code --shared-pairs=4}, {@code --rate=5000}, {@code --subscribers=10},
 * {@code --window=256}, {@code --sessions=10000}, {@code --client-threads=2}, {@code --transport=epoll|nio},
 * {@code --router-jar=PATH}, {@code --router-heap=1g}, {@code --router-jvm-args="…"}, {@code --jfr[=FILE]}
 * (record the router with JFR's profile settings; then e.g.
 * {@code jfr print --events jdk.ExecutionSample FILE}), {@code --log-dir=DIR} (the router's log; default
 * {@code $TMPDIR/router-load}).
 *
 * <p>The router process is stopped at the end, on failure, and on Ctrl-C or SIGTERM (shutdown hook). Exit status: 0 when the
 * run completed (whether or not the goals were met), 1 when it failed, 2 for bad options.
 */
public final class RouterLoad {

    private RouterLoad() {
    }

    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.print(LoadOptions.USAGE);
            return;
        }
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(LoadOptions.USAGE);
            System.exit(2);
            return;
        }
        try {
            run(options);
        } catch (IllegalStateException e) {
            System.err.println("router-load failed: " + e.getMessage());
            System.exit(1);
        } catch (Exception e) {
            System.err.println("router-load failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0); // Netty's and JMX's threads must not keep the JVM alive
    }

    private static void run(LoadOptions options) throws IOException, InterruptedException {
        Path jar = options.routerJar() != null ? options.routerJar() : RouterProcess.findJar();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no router jar at " + jar);
        }
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path log = options.logDir().resolve("router-" + stamp + ".log");
        long started = System.nanoTime();
        try (RouterProcess router = RouterProcess.start(jar, options.routerJvmOptions(), log);
             ClientLoops loops = new ClientLoops(options.clientThreads(), options.epoll())) {
            printHeader(options, jar, router, loops);
            router.awaitHealthy(Duration.ofSeconds(120));
            router.connectJmx();
            Window idle = Window.measure(router, () -> 0, 1_000);
            System.out.printf(Locale.ROOT, "Router started in %.1f s; idle it uses %.3f cores%n%n",
                    (System.nanoTime() - started) / 1e9, idle.routerCores());
            Goals goals = new Goals();
            LoadContext context = new LoadContext(router, loops, options, goals);
            for (int round = 1; round <= options.rounds(); round++) {
                if (options.rounds() > 1) {
                    System.out.printf(Locale.ROOT, "=== round %d of %d ===%n%n", round, options.rounds());
                }
                for (LoadOptions.Scenario scenario : options.scenarios()) {
                    switch (scenario) {
                        case RPC -> RpcThroughput.run(context, false);
                        case RPC_SHARED -> RpcThroughput.run(context, true);
                        case LATENCY -> RpcLatency.run(context);
                        case PUBSUB -> PubSubFanOut.run(context);
                        case SESSIONS -> IdleSessions.run(context);
                    }
                }
            }
            goals.print(System.out);
            System.out.printf(Locale.ROOT, "%nRun took %.0f s; router log: %s%s%n",
                    (System.nanoTime() - started) / 1e9, router.log(),
                    options.jfr() == null ? "" : "; JFR recording (written as the router stops): " + options.jfr());
        }
    }

    private static void printHeader(LoadOptions options, Path jar, RouterProcess router, ClientLoops loops) {
        System.out.printf(Locale.ROOT, "Router load test — %s, %d cores, load average %s, Java %s%n",
                LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 19),
                Runtime.getRuntime().availableProcessors(), loadAverage(), Runtime.version());
        System.out.printf(Locale.ROOT, "Router %s, pid %d: %s%n", jar, router.pid(),
                String.join(" ", router.command()));
        System.out.printf(Locale.ROOT, "Client: RawSocket + MessagePack on %s, realm %s%n", loops.description(),
                LoadContext.REALM);
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
