package dev.switchboard.benchmarks.client;

import dev.switchboard.benchmarks.cli.CommandLine;
import dev.switchboard.benchmarks.router.RouterProcess;
import dev.switchboard.wamp.client.ReconnectPolicy;
import dev.switchboard.wamp.client.WampClient;
import dev.switchboard.wamp.codec.Serialization;
import dev.switchboard.wamp.message.Payload;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * What the Java client ({@code WampClient}) costs per call, measured against the local router: the same calls made
 * and served by {@link WirePeer}, a peer that only encodes, sends, receives and decodes (the baseline, same transport
 * and codec), and by {@code WampClient} as caller, as callee and as both. Each of the four pairings runs, in turn and
 * for several rounds, (1) one call at a time, timing every round trip, and (2) 64 calls in flight, counting round trips
 * and the CPU time of this JVM (where caller and callee live) and of the router. The client's overhead per call is the
 * difference to the baseline in the same round: CPU-µs per call (caller and callee side apart) and latency.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.switchboard.benchmarks.client.ClientOverhead
 * </pre>
 *
 * Options: {@code --serializations=json,msgpack}, {@code --rounds=3}, {@code --window=4s} (each measurement),
 * {@code --in-flight=64}, {@code --router-jar=PATH}.
 */
public final class ClientOverhead {

    private static final String REALM = "realm1";
    private static final String PROCEDURE = "bench.echo";
    private static final Payload.Arguments ARGUMENTS = Payload.of(List.of(42L),
            Map.of("problemId", "tsplib:berlin52", "durationMs", 250L, "t0", 120.5));

    private ClientOverhead() {
    }

    /** One pairing of caller and callee implementations. */
    enum Pairing {
        WIRE_WIRE("wire peer", "wire peer"),
        CLIENT_WIRE("WampClient", "wire peer"),
        WIRE_CLIENT("wire peer", "WampClient"),
        CLIENT_CLIENT("WampClient", "WampClient");

        final String caller;
        final String callee;

        Pairing(String caller, String callee) {
            this.caller = caller;
            this.callee = callee;
        }

        boolean clientCalls() {
            return this == CLIENT_WIRE || this == CLIENT_CLIENT;
        }

        boolean clientServes() {
            return this == WIRE_CLIENT || this == CLIENT_CLIENT;
        }
    }

    /** What one measurement of one pairing found. */
    record Figures(double p50Micros, double p99Micros, double callsPerSecond, double jvmCpuMicros,
                   double routerCpuMicros) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> given = CommandLine.options(args);
        if (given.containsKey("help")) {
            System.out.println("options: --serializations=json,msgpack --rounds=3 --window=4s --in-flight=64 "
                    + "--router-jar=PATH");
            return;
        }
        List<Serialization> serializations = Arrays.stream(
                        CommandLine.take(given, "serializations", "json,msgpack").split(","))
                .map(s -> Serialization.valueOf(s.trim().toUpperCase(Locale.ROOT))).toList();
        int rounds = CommandLine.positive(given, "rounds", 3);
        Duration window = CommandLine.duration(CommandLine.take(given, "window", "4s"));
        int inFlight = CommandLine.positive(given, "in-flight", 64);
        String jarOption = CommandLine.take(given, "router-jar", "");
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("unknown options: " + given.keySet());
        }
        Path jar = jarOption.isEmpty() ? RouterProcess.findJar() : Path.of(jarOption);
        Path log = Path.of("target", "client-overhead",
                "router-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".log");
        try (RouterProcess router = RouterProcess.start(jar, List.of("-Xmx1g", "-Xms1g"), log)) {
            router.awaitHealthy(Duration.ofSeconds(60));
            System.out.printf(Locale.ROOT, "Router %s (pid %d), %d cores, load average %s; %d rounds, %d s windows, "
                            + "%d in flight%n", jar.getFileName(), router.pid(),
                    Runtime.getRuntime().availableProcessors(), loadAverage(), rounds, window.toSeconds(), inFlight);
            for (Serialization serialization : serializations) {
                Map<Pairing, List<Figures>> results = new EnumMap<>(Pairing.class);
                for (int round = 0; round <= rounds; round++) {
                    for (Pairing pairing : Pairing.values()) {
                        Figures figures = measure(router, serialization, pairing, window, inFlight);
                        if (round > 0) { // round 0 warms up the JIT for every pairing
                            results.computeIfAbsent(pairing, p -> new ArrayList<>()).add(figures);
                        }
                    }
                }
                print(serialization, results);
            }
        }
    }

    private static Figures measure(RouterProcess router, Serialization serialization, Pairing pairing,
                                   Duration window, int inFlight) throws Exception {
        List<AutoCloseable> peers = new ArrayList<>();
        try {
            if (pairing.clientServes()) {
                WampClient callee = connect(router, serialization, peers);
                callee.register(PROCEDURE, invocation -> invocation.arguments()).get(10, TimeUnit.SECONDS);
            } else {
                WirePeer callee = WirePeer.join(router.webSocketUrl(), REALM, serialization);
                peers.add(callee);
                callee.registerEcho(PROCEDURE);
            }
            Caller caller;
            if (pairing.clientCalls()) {
                WampClient client = connect(router, serialization, peers);
                caller = done -> client.call(PROCEDURE, ARGUMENTS).whenComplete((result, failure) -> {
                    if (failure != null) { // the chain stops; runFor reports that calls did not finish
                        System.err.println("call failed: " + failure);
                        return;
                    }
                    done.run();
                });
            } else {
                WirePeer wire = WirePeer.join(router.webSocketUrl(), REALM, serialization);
                peers.add(wire);
                caller = done -> wire.call(PROCEDURE, ARGUMENTS, done);
            }
            runFor(caller, Duration.ofSeconds(1), 1, null); // warm this session up
            long[] latencies = runFor(caller, window, 1, new long[4_000_000]);
            long jvmBefore = jvmCpuNanos();
            long routerBefore = router.cpuNanos();
            long started = System.nanoTime();
            long calls = runFor(caller, window, inFlight, null)[0];
            double seconds = (System.nanoTime() - started) / 1e9;
            double jvmMicros = (jvmCpuNanos() - jvmBefore) / 1e3 / calls;
            double routerMicros = (router.cpuNanos() - routerBefore) / 1e3 / calls;
            return new Figures(percentile(latencies, 0.50), percentile(latencies, 0.99), calls / seconds,
                    jvmMicros, routerMicros);
        } finally {
            for (AutoCloseable peer : peers.reversed()) {
                peer.close();
            }
        }
    }

    private static WampClient connect(RouterProcess router, Serialization serialization, List<AutoCloseable> peers)
            throws Exception {
        WampClient client = WampClient.builder(router.webSocketUrl(), REALM).serialization(serialization)
                .reconnect(ReconnectPolicy.NEVER).build();
        peers.add(client);
        client.connect().get(10, TimeUnit.SECONDS);
        return client;
    }

    /** Makes a caller's next call. */
    @FunctionalInterface
    interface Caller {
        void call(Runnable done);
    }

    /**
     * Keeps {@code chains} calls in flight for {@code window}. With {@code latencies} (one chain), records each round
     * trip in nanoseconds and answers them sorted; else answers the count of calls in element 0.
     */
    private static long[] runFor(Caller caller, Duration window, int chains, long @Nullable [] latencies)
            throws InterruptedException {
        long deadline = System.nanoTime() + window.toNanos();
        AtomicLong count = new AtomicLong();
        CountDownLatch finished = new CountDownLatch(chains);
        for (int i = 0; i < chains; i++) {
            new Chain(caller, deadline, count, finished, latencies).next();
        }
        if (!finished.await(window.toSeconds() + 30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("calls did not finish");
        }
        if (latencies == null) {
            return new long[] {count.get()};
        }
        long[] recorded = Arrays.copyOf(latencies, (int) Math.min(count.get(), latencies.length));
        Arrays.sort(recorded);
        return recorded;
    }

    /** One sequence of calls, each made when the last returns. */
    private static final class Chain {

        private final Caller caller;
        private final long deadline;
        private final AtomicLong count;
        private final CountDownLatch finished;
        private final long @Nullable [] latencies;
        private long sentAt;

        Chain(Caller caller, long deadline, AtomicLong count, CountDownLatch finished, long @Nullable [] latencies) {
            this.caller = caller;
            this.deadline = deadline;
            this.count = count;
            this.finished = finished;
            this.latencies = latencies;
        }

        void next() {
            sentAt = System.nanoTime();
            caller.call(this::returned);
        }

        private void returned() {
            long now = System.nanoTime();
            long n = count.getAndIncrement();
            if (latencies != null && n < latencies.length) {
                latencies[(int) n] = now - sentAt;
            }
            if (now < deadline) {
                next();
            } else {
                finished.countDown();
            }
        }
    }

    private static double percentile(long[] sortedNanos, double quantile) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(quantile * sortedNanos.length) - 1);
        return sortedNanos[Math.max(0, index)] / 1e3;
    }

    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void print(Serialization serialization, Map<Pairing, List<Figures>> results) {
        Map<Pairing, Figures> median = new EnumMap<>(Pairing.class);
        results.forEach((pairing, list) -> median.put(pairing, new Figures(
                median(list, Figures::p50Micros), median(list, Figures::p99Micros),
                median(list, Figures::callsPerSecond), median(list, Figures::jvmCpuMicros),
                median(list, Figures::routerCpuMicros))));
        System.out.printf(Locale.ROOT, "%n%s (median of %d rounds)%n", serialization.subprotocol(),
                results.get(Pairing.WIRE_WIRE).size());
        System.out.printf(Locale.ROOT, "%-11s %-11s %10s %10s %12s %14s %14s%n", "caller", "callee",
                "p50 µs", "p99 µs", "calls/s", "caller+callee", "router");
        System.out.printf(Locale.ROOT, "%-11s %-11s %10s %10s %12s %14s %14s%n", "", "", "(1 at a time)", "",
                "(in flight)", "CPU-µs/call", "CPU-µs/call");
        median.forEach((pairing, f) -> System.out.printf(Locale.ROOT, "%-11s %-11s %10.1f %10.1f %12.0f %14.2f %14.2f%n",
                pairing.caller, pairing.callee, f.p50Micros(), f.p99Micros(), f.callsPerSecond(), f.jvmCpuMicros(),
                f.routerCpuMicros()));
        Figures base = median.get(Pairing.WIRE_WIRE);
        System.out.printf(Locale.ROOT, "WampClient overhead per call against the wire peer: as caller %+.2f CPU-µs, "
                        + "as callee %+.2f CPU-µs, both %+.2f CPU-µs; latency p50 %+.1f µs (both sides)%n",
                median.get(Pairing.CLIENT_WIRE).jvmCpuMicros() - base.jvmCpuMicros(),
                median.get(Pairing.WIRE_CLIENT).jvmCpuMicros() - base.jvmCpuMicros(),
                median.get(Pairing.CLIENT_CLIENT).jvmCpuMicros() - base.jvmCpuMicros(),
                median.get(Pairing.CLIENT_CLIENT).p50Micros() - base.p50Micros());
    }

    private static double median(List<Figures> list, ToDoubleFunction<Figures> figure) {
        double[] values = list.stream().mapToDouble(figure).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}
