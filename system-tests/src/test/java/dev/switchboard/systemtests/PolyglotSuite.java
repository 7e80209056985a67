package dev.switchboard.systemtests;

import dev.switchboard.wamp.client.Authenticator;
import dev.switchboard.wamp.client.WampClient;
import dev.switchboard.wamp.message.Payload;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The processes of the polyglot tests: a router with the suite's realm ({@code deploy/router-suite.yml}, a random
 * service ticket), a session of the test as the {@code service} principal, and compute workers in three languages
 * (a Java compute-service, {@code examples/python-worker}, {@code examples/node-worker}), each serving
 * {@code tsp.compute.anneal} with concurrency 1.
 */
final class PolyglotSuite implements AutoCloseable {

    static final String REALM = "realm1";
    static final String ANNEAL = "tsp.compute.anneal";
    static final Duration TIMEOUT = Duration.ofSeconds(20);
    /** How each kind of worker's instanceId starts. */
    static final List<String> KINDS = List.of("compute-service-", "python-worker-", "node-worker-");

    private final String ticket = randomTicket();
    private final Path root = InteropScenario.systemTestsDirectory().getParent();
    private final List<AutoCloseable> running = new ArrayList<>();
    private final List<WorkerProcess> workers = new ArrayList<>();
    private final List<ServiceProcess> services = new ArrayList<>();
    private @Nullable ServiceProcess router;
    private @Nullable WampClient service;

    /** Starts the router and the test's service session. */
    void startRouter() throws Exception {
        InteropPrerequisites.requireAutobahnPython();
        InteropPrerequisites.requireNode("autobahn", "ws");
        router = ServiceProcess.start("router-service",
                "--switchboard.router.transport.rawsocket.host=127.0.0.1",
                "--switchboard.router.transport.rawsocket.port=0",
                "--spring.config.additional-location=file:" + root.resolve("deploy/router-suite.yml"),
                "--SWITCHBOARD_SERVICE_TICKET=" + ticket);
        running.add(router);
        router.awaitHealthy(Duration.ofSeconds(90));
        service = WampClient.builder(URI.create(url()), REALM).authid("service")
                .authenticators(Authenticator.ticket(ticket)).build();
        running.add(service);
        await(service.connect());
    }

    /** Starts a Spring Boot application of the suite as a WAMP client with the service ticket. */
    ServiceProcess startService(String module, String... arguments) throws Exception {
        List<String> all = new ArrayList<>(List.of("--switchboard.wamp.url=" + url(),
                "--switchboard.wamp.auth.method=ticket", "--switchboard.wamp.auth.authid=service",
                "--switchboard.wamp.auth.secret=" + ticket));
        all.addAll(List.of(arguments));
        ServiceProcess process = ServiceProcess.start(module, all.toArray(String[]::new));
        running.add(process);
        services.add(process);
        return process;
    }

    /** Starts the three workers and waits until all three serve {@code tsp.compute.anneal}. */
    void startWorkers() throws Exception {
        ServiceProcess compute = startService("compute-service", "--switchboard.compute.concurrency=1");
        Map<String, String> credentials = Map.of("SWITCHBOARD_TICKET", ticket);
        workers.add(WorkerProcess.start("python-worker", List.of(InteropPrerequisites.PYTHON, "-B",
                root.resolve("examples/python-worker/worker.py").toString(), "--url", url(), "--realm", REALM,
                "--authid", "service"), credentials));
        workers.add(WorkerProcess.start("node-worker", List.of("node",
                root.resolve("examples/node-worker/worker.js").toString(), "--url", url(), "--realm", REALM,
                "--authid", "service"), Map.of("SWITCHBOARD_TICKET", ticket,
                "NODE_PATH", InteropScenario.systemTestsDirectory().resolve("node_modules").toString())));
        running.addAll(workers);
        compute.awaitHealthy(Duration.ofSeconds(90));
        eventually("3 callees of " + ANNEAL, Duration.ofSeconds(60), () -> callees(ANNEAL) == 3);
    }

    String url() {
        return "ws://127.0.0.1:" + Objects.requireNonNull(router).port() + "/ws";
    }

    WampClient service() {
        return Objects.requireNonNull(service);
    }

    /** A new anonymous session, as a browser joins (role dashboard). */
    WampClient browser() {
        WampClient browser = WampClient.builder(URI.create(url()), REALM).build();
        await(browser.connect());
        return browser;
    }

    /** The sessions registered for {@code procedure}, from the registration meta API. */
    int callees(String procedure) {
        Object registration = await(service().call("wamp.registration.lookup", Payload.of(procedure))).arg(0);
        if (registration == null) {
            return 0;
        }
        return ((Number) Objects.requireNonNull(await(service().call("wamp.registration.count_callees",
                Payload.of(registration))).arg(0))).intValue();
    }

    void eventually(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " not reached within " + timeout + "\n" + describe());
            }
            Thread.sleep(200);
        }
    }

    String describe() {
        StringBuilder state = new StringBuilder();
        workers.forEach(worker -> state.append("\n").append(worker.describe()));
        services.forEach(service -> state.append("\n").append(service.logTail()));
        return state.toString();
    }

    static <T> T await(Future<T> future) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("the future failed: " + e.getCause(), e.getCause());
        } catch (Exception e) {
            throw new AssertionError("the future did not complete within " + TIMEOUT, e);
        }
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable closeable : running.reversed()) {
            closeable.close();
        }
    }

    private static String randomTicket() {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
