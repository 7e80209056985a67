package dev.switchboard.wamp.client.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.switchboard.wamp.client.WampClient;
import dev.switchboard.wamp.client.router.RouterProcess;
import dev.switchboard.wamp.codec.Serialization;
import dev.switchboard.wamp.message.Call;
import dev.switchboard.wamp.message.CallOptions;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.Register;
import dev.switchboard.wamp.message.RegisterOptions;
import dev.switchboard.wamp.message.Result;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;

/**
 * The client's cost per call, against the real router on loopback: caller and callee both in this JVM (the router
 * in its own), once as {@link WampClient}s and once as {@link RawPeer}s (the same transport and codec with nothing
 * else), for each serialization. Reports round-trip latency of one call at a time, throughput with several callers,
 * and this JVM's CPU time per call (caller and callee sides together); the client's overhead is the difference.
 * The router's CPU is not counted. On a shared machine compare the two rows of one run rather than absolute figures.
 *
 * <p>Usage (from {@code shared-wamp/wamp-client}, after {@code ./mvnw -pl router-service -am package -DskipTests}
 * and {@code ./mvnw -pl shared-wamp/wamp-client test-compile dependency:build-classpath
 * -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test}):
 * <pre>{@code java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) \
 *     dev.switchboard.wamp.client.bench.ClientCallOverhead \
 *     [calls=20000] [concurrency=16] [rounds=5] [serializations=json,msgpack,cbor] [url=ws://…]}</pre>
 * Without {@code url} it starts the router jar on a free loopback port. Runs a bounded number of calls and stops.
 */
public final class ClientCallOverhead {

    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final Payload.Arguments ARGUMENTS =
            Payload.of(List.of(42L, "benchmark"), Map.of("key", "value", "n", 3.5));

    /** One way of calling the echo procedure. */
    private interface Caller {
        CompletableFuture<?> call();
    }

    private record Figures(double meanMicros, double p50Micros, double p99Micros, double cpuMicrosPerCall,
                           double callsPerSecond, double cpuMicrosPerCallConcurrent) {
    }

    private ClientCallOverhead() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            options.put(pair[0], pair.length > 1 ? pair[1] : "");
        }
        int calls = Integer.parseInt(options.getOrDefault("calls", "20000"));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "16"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "5"));
        List<Serialization> serializations = Arrays.stream(
                options.getOrDefault("serializations", "json,msgpack,cbor").split(","))
                .map(name -> Serialization.valueOf(name.toUpperCase(Locale.ROOT))).toList();
        RouterProcess router = options.containsKey("url") ? null
                : RouterProcess.launchWithJvmOptions(List.of("-Xmx512m"));
        URI url = router == null ? URI.create(options.get("url")) : router.webSocketUrl();
        try {
            System.out.printf(Locale.ROOT, "%d calls per measurement, %d concurrent callers, median of %d "
                            + "alternating rounds, router at %s, %d cores%n", calls, concurrency, rounds, url,
                    Runtime.getRuntime().availableProcessors());
            System.out.printf(Locale.ROOT, "%-8s %-11s %9s %9s %9s %12s %12s %12s%n", "codec", "peer",
                    "mean µs", "p50 µs", "p99 µs", "CPU µs/call", "calls/s (c)", "CPU µs (c)");
            for (Serialization serialization : serializations) {
                compare(url, serialization, calls, concurrency, rounds);
            }
        } finally {
            if (router != null) {
                router.stop();
            }
        }
        System.exit(0);
    }

    /** Both peers set up side by side and warmed up, then measured in alternating rounds. */
    private static void compare(URI url, Serialization serialization, int calls, int concurrency, int rounds)
            throws Exception {
        String name = serialization.name().toLowerCase(Locale.ROOT);
        RawPeer rawCallee = RawPeer.connect(url, serialization);
        RawPeer rawCaller = RawPeer.connect(url, serialization);
        try (WampClient callee = WampClient.builder(url, "realm1").serialization(serialization).build();
             WampClient caller = WampClient.builder(url, "realm1").serialization(serialization).build()) {
            rawCallee.request(1, new Register(1, RegisterOptions.DEFAULT, "bench.raw." + name))
                    .get(10, TimeUnit.SECONDS);
            AtomicLong ids = new AtomicLong(1);
            Caller raw = () -> {
                long id = ids.incrementAndGet();
                return rawCaller.request(id, new Call(id, CallOptions.DEFAULT, "bench.raw." + name, ARGUMENTS))
                        .thenApply(answer -> (Result) answer);
            };
            callee.connect().get(10, TimeUnit.SECONDS);
            caller.connect().get(10, TimeUnit.SECONDS);
            callee.register("bench.client." + name, invocation -> invocation.arguments()).get(10, TimeUnit.SECONDS);
            Caller client = () -> caller.call("bench.client." + name, ARGUMENTS);

            measure(raw, calls, concurrency); // warm-up: JIT here and in the router, buffers
            measure(client, calls, concurrency);
            List<Figures> rawRounds = new ArrayList<>();
            List<Figures> clientRounds = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                rawRounds.add(measure(raw, calls, concurrency));
                clientRounds.add(measure(client, calls, concurrency));
            }
            Figures rawMedian = median(rawRounds);
            Figures clientMedian = median(clientRounds);
            print(name, "raw", rawMedian);
            print(name, "WampClient", clientMedian);
            System.out.printf(Locale.ROOT, "%-8s %-11s %+9.1f %+9.1f %+9.1f %+12.1f %12s %+12.1f%n", name, "overhead",
                    clientMedian.meanMicros - rawMedian.meanMicros, clientMedian.p50Micros - rawMedian.p50Micros,
                    clientMedian.p99Micros - rawMedian.p99Micros,
                    clientMedian.cpuMicrosPerCall - rawMedian.cpuMicrosPerCall,
                    String.format(Locale.ROOT, "%+.0f%%", 100 * (clientMedian.callsPerSecond
                            / rawMedian.callsPerSecond - 1)),
                    clientMedian.cpuMicrosPerCallConcurrent - rawMedian.cpuMicrosPerCallConcurrent);
        } finally {
            rawCaller.close();
            rawCallee.close();
        }
    }

    private static Figures median(List<Figures> rounds) {
        return new Figures(median(rounds, Figures::meanMicros), median(rounds, Figures::p50Micros),
                median(rounds, Figures::p99Micros), median(rounds, Figures::cpuMicrosPerCall),
                median(rounds, Figures::callsPerSecond), median(rounds, Figures::cpuMicrosPerCallConcurrent));
    }

    private static double median(List<Figures> rounds, ToDoubleFunction<Figures> metric) {
        double[] values = rounds.stream().mapToDouble(metric).sorted().toArray();
        return values[values.length / 2];
    }

    private static Figures measure(Caller caller, int calls, int concurrency) throws Exception {
        long[] latencies = new long[calls];
        long cpuStart = OS.getProcessCpuTime();
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            caller.call().get(10, TimeUnit.SECONDS);
            latencies[i] = System.nanoTime() - start;
        }
        double cpuPerCall = (OS.getProcessCpuTime() - cpuStart) / 1000.0 / calls;
        Arrays.sort(latencies);
        double mean = Arrays.stream(latencies).average().orElse(0) / 1000.0;

        int perCaller = calls / concurrency;
        Thread[] callers = new Thread[concurrency];
        long concurrentCpuStart = OS.getProcessCpuTime();
        long wallStart = System.nanoTime();
        for (int t = 0; t < concurrency; t++) {
            callers[t] = Thread.ofPlatform().start(() -> {
                try {
                    for (int i = 0; i < perCaller; i++) {
                        caller.call().get(10, TimeUnit.SECONDS);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        for (Thread thread : callers) {
            thread.join();
        }
        double seconds = (System.nanoTime() - wallStart) / 1e9;
        int done = perCaller * concurrency;
        double concurrentCpu = (OS.getProcessCpuTime() - concurrentCpuStart) / 1000.0 / done;
        return new Figures(mean, latencies[calls / 2] / 1000.0, latencies[(int) (calls * 0.99)] / 1000.0,
                cpuPerCall, done / seconds, concurrentCpu);
    }

    private static void print(String codec, String peer, Figures figures) {
        System.out.printf(Locale.ROOT, "%-8s %-11s %9.1f %9.1f %9.1f %12.1f %12.0f %12.1f%n", codec, peer,
                figures.meanMicros, figures.p50Micros, figures.p99Micros, figures.cpuMicrosPerCall,
                figures.callsPerSecond, figures.cpuMicrosPerCallConcurrent);
    }
}
