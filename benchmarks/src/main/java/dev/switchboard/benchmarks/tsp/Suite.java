package dev.switchboard.benchmarks.tsp;

import dev.switchboard.wamp.client.WampClient;
import dev.switchboard.wamp.message.Payload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The suite under test, as processes on loopback: a router (WebSocket on a free port, RawSocket on 127.0.0.1 with a
 * free port), an orchestrator and compute instances (each {@code --switchboard.compute.concurrency=1}) dialling it,
 * and this JVM's WAMP client. The services run from copies of their packaged jars (in the log directory, deleted at
 * the end), so a rebuild meanwhile does no harm. {@link #close} stops every process it started; so do their shutdown
 * hooks if this JVM ends first.
 */
final class Suite implements AutoCloseable {

    static final String ROUTER = "router-service";
    static final String ORCHESTRATOR = "orchestrator-service";
    static final String COMPUTE = "compute-service";
    private static final Duration START = Duration.ofSeconds(180);

    private final Path logDir;
    private final List<String> jvm;
    private final Path routerJar;
    private final Path orchestratorJar;
    private final Path computeJar;
    private final List<ServiceProcess> started = new ArrayList<>();
    private final List<ServiceProcess> computes = new ArrayList<>();
    private @Nullable ServiceProcess router;
    private @Nullable ServiceProcess orchestrator;
    private @Nullable WampClient client;
    private int computeGeneration;

    private Suite(Path root, Path logDir, String heap) throws IOException {
        this.logDir = logDir;
        this.jvm = List.of("-Xmx" + heap);
        Files.createDirectories(logDir);
        this.routerJar = copy(root, ROUTER);
        this.orchestratorJar = copy(root, ORCHESTRATOR);
        this.computeJar = copy(root, COMPUTE);
    }

    /** Starts router, orchestrator and {@code computes} compute instances, waits until all are up and registered. */
    static Suite start(Path root, Path logDir, String heap, int computes) throws IOException, InterruptedException {
        Suite suite = new Suite(root, logDir, heap);
        try {
            suite.startAll(computes);
            return suite;
        } catch (IOException | InterruptedException | RuntimeException e) {
            suite.close();
            throw e;
        }
    }

    private void startAll(int computeCount) throws IOException, InterruptedException {
        ServiceProcess startedRouter = track(ServiceProcess.start("router", routerJar, jvm, List.of(
                "--switchboard.router.transport.rawsocket.host=127.0.0.1",
                "--switchboard.router.transport.rawsocket.port=0"), logDir));
        router = startedRouter;
        startedRouter.awaitHealthy(START);
        orchestrator = track(ServiceProcess.start("orchestrator", orchestratorJar, jvm, List.of(wampUrl()), logDir));
        startComputes(computeCount);
        orchestrator.awaitHealthy(START);
        WampClient connected = WampClient.builder(URI.create("ws://127.0.0.1:" + startedRouter.port() + "/ws"),
                "realm1").maxMessageSize(16 * 1024 * 1024).build();
        client = connected;
        try {
            connected.connect().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot connect to the router: " + e, e);
        }
        awaitRegistered("tsp.solve", 1);
        awaitComputes(computeCount);
    }

    /** Stops the compute instances and starts {@code count} new ones; returns once they are registered. */
    void restartComputes(int count) throws IOException, InterruptedException {
        stopComputes();
        awaitRegistered("tsp.compute.anneal", 0);
        startComputes(count);
        awaitComputes(count);
    }

    private void startComputes(int count) throws IOException {
        computeGeneration++;
        for (int i = 0; i < count; i++) {
            computes.add(track(ServiceProcess.start("compute-" + computeGeneration + "-" + (i + 1), computeJar, jvm,
                    List.of(wampUrl(), "--switchboard.compute.concurrency=1"), logDir)));
        }
    }

    private void awaitComputes(int count) throws InterruptedException {
        for (ServiceProcess compute : computes) {
            compute.awaitHealthy(START);
        }
        awaitRegistered("tsp.compute.anneal", count);
    }

    private void stopComputes() {
        for (ServiceProcess compute : computes) {
            compute.close();
        }
        computes.clear();
    }

    WampClient client() {
        WampClient connected = client;
        if (connected == null) {
            throw new IllegalStateException("not connected");
        }
        return connected;
    }

    int computeCount() {
        return computes.size();
    }

    /** Every service process started so far (stopped ones too), for CPU accounting. */
    List<ServiceProcess> processes() {
        return List.copyOf(started);
    }

    Path logDir() {
        return logDir;
    }

    /**
     * Waits until exactly {@code count} sessions have registered {@code procedure} (for {@code count} 0: until none
     * has), asking the router's meta API ({@code wamp.registration.lookup}, {@code count_callees}).
     */
    void awaitRegistered(String procedure, int count) throws InterruptedException {
        long deadline = System.nanoTime() + START.toNanos();
        long callees = -1;
        while (System.nanoTime() < deadline) {
            callees = callees(procedure);
            if (callees == count) {
                return;
            }
            for (ServiceProcess service : started) {
                if (!service.alive() && (service == router || service == orchestrator
                        || computes.contains(service))) {
                    throw new IllegalStateException(service.name() + " died:\n" + service.logTail());
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(callees + " sessions registered " + procedure + ", not " + count
                + ", within " + START);
    }

    /** How many sessions have registered {@code procedure} now (-1 when the router does not answer). */
    long callees(String procedure) throws InterruptedException {
        try {
            Object id = client().call("wamp.registration.lookup", Payload.of(List.of(procedure), null))
                    .get(5, TimeUnit.SECONDS).arg(0);
            if (id == null) {
                return 0;
            }
            Object count = client().call("wamp.registration.count_callees", Payload.of(List.of(id), null))
                    .get(5, TimeUnit.SECONDS).arg(0);
            return count instanceof Number number ? number.longValue() : -1;
        } catch (ExecutionException | TimeoutException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        WampClient connected = client;
        client = null;
        if (connected != null) {
            try {
                connected.close();
            } catch (RuntimeException e) {
                // the router goes anyway
            }
        }
        stopComputes();
        for (ServiceProcess service : started.reversed()) {
            service.close();
        }
        for (Path jar : List.of(routerJar, orchestratorJar, computeJar)) {
            try {
                Files.deleteIfExists(jar);
            } catch (IOException e) {
                // a stale copy in the log directory is harmless
            }
        }
    }

    private ServiceProcess track(ServiceProcess service) {
        started.add(service);
        return service;
    }

    private String wampUrl() {
        ServiceProcess startedRouter = router;
        if (startedRouter == null) {
            throw new IllegalStateException("no router");
        }
        return "--switchboard.wamp.url=ws://127.0.0.1:" + startedRouter.port() + "/ws";
    }

    private Path copy(Path root, String module) throws IOException {
        Path jar = jarOf(root, module);
        Path copy = logDir.resolve(module + ".jar");
        Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
        return copy;
    }

    /** {@code root/module/target/module-<version>.jar}. */
    static Path jarOf(Path root, String module) {
        Path target = root.resolve(module).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches(module + "-[^-]+(-SNAPSHOT)?\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no packaged jar of " + module + " in " + target
                            + "; build it with ./mvnw -B -q -pl " + module + " -am package -DskipTests"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + target, e);
        }
    }

    /** The repository root: the working directory, its parent, or where the benchmarks jar lies (benchmarks/target). */
    static Path findRoot() {
        List<Path> roots = new ArrayList<>(List.of(Path.of(""), Path.of("..")));
        try {
            Path benchmarksJar = Path.of(Suite.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Optional.ofNullable(benchmarksJar.toAbsolutePath().getParent())
                    .map(Path::getParent).map(Path::getParent).ifPresent(roots::add);
        } catch (URISyntaxException | RuntimeException e) {
            // the working directory then
        }
        for (Path root : roots) {
            if (Files.isDirectory(root.resolve(ROUTER).resolve("target"))
                    && Files.isDirectory(root.resolve(COMPUTE).resolve("target"))) {
                return root.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("no repository root with router-service/target and compute-service/target"
                + " found; run from the repository root or pass --root=DIR");
    }
}
