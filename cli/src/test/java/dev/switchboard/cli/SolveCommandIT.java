package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.wamp.client.IncomingInvocation;
import dev.switchboard.wamp.client.WampClient;
import dev.switchboard.wamp.client.WampException;
import dev.switchboard.wamp.client.router.RouterProcess;
import dev.switchboard.wamp.message.Payload;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line client against the real router (its jar, in a process of its own) and a stand-in orchestrator
 * registered by this test: {@code tsp.solve} answers with progress every 100 ms and the run's final state,
 * {@code tsp.stop} ends a run early, {@code tsp.problems.list} offers two instances.
 */
class SolveCommandIT {

    private static RouterProcess router;
    private static WampClient orchestrator;
    private static final BlockingQueue<Map<String, Object>> solveRequests = new LinkedBlockingQueue<>();
    private static final BlockingQueue<String> stopRequests = new LinkedBlockingQueue<>();
    private static final Map<String, CompletableFuture<Void>> stops = new ConcurrentHashMap<>();
    private static final AtomicInteger runs = new AtomicInteger();

    @BeforeAll
    static void startRouterAndStandInOrchestrator() throws Exception {
        router = RouterProcess.launch();
        orchestrator = WampClient.builder(router.webSocketUrl(), "realm1").build();
        orchestrator.connect().get(15, TimeUnit.SECONDS);
        orchestrator.register("tsp.solve", SolveCommandIT::solve).get(5, TimeUnit.SECONDS);
        orchestrator.register("tsp.stop", invocation -> {
            String runId = (String) invocation.kwargs().get("runId");
            stopRequests.add(runId);
            CompletableFuture<Void> stop = stops.get(runId);
            if (stop == null) {
                throw new WampException("tsp.error.no_such_run", "no run " + runId);
            }
            stop.complete(null);
            return Payload.of(null, Map.of("runId", runId, "state", "stopped"));
        }).get(5, TimeUnit.SECONDS);
        orchestrator.register("tsp.problems.list", invocation -> {
            Map<String, Object> unknown = new LinkedHashMap<>();
            unknown.put("name", "mine");
            unknown.put("n", 7);
            unknown.put("optimum", null);
            return Payload.of(null, Map.of("problems",
                    List.of(Map.of("name", "berlin52", "n", 52, "optimum", 7542), unknown)));
        }).get(5, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stopEverything() throws InterruptedException {
        if (orchestrator != null) {
            orchestrator.close();
        }
        if (router != null) {
            router.stop();
        }
    }

    @BeforeEach
    void forgetEarlierRequests() {
        solveRequests.clear();
        stopRequests.clear();
    }

    /** The stand-in {@code tsp.solve}: progress every 100 ms until the budget is spent or the run is stopped. */
    private static Payload.Arguments solve(IncomingInvocation invocation) throws Exception {
        Map<String, Object> kwargs = invocation.kwargs();
        solveRequests.add(kwargs);
        @SuppressWarnings("unchecked")
        Map<String, Object> problem = (Map<String, Object>) kwargs.get("problem");
        if ("nowhere".equals(problem.get("tsplib"))) {
            throw new WampException("wamp.error.invalid_argument", "unknown TSPLIB instance 'nowhere'");
        }
        if ("lonely".equals(problem.get("tsplib"))) {
            throw new WampException("tsp.error.no_compute", List.of("no compute instance registered"),
                    Map.of("state", "failed"));
        }
        String runId = "run-" + runs.incrementAndGet();
        CompletableFuture<Void> stop = new CompletableFuture<>();
        stops.put(runId, stop);
        long budget = ((Number) kwargs.get("budgetMs")).longValue();
        long elapsed = 0;
        while (elapsed < budget && !stop.isDone()) {
            try {
                stop.get(100, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException tick) {
                elapsed += 100;
            }
            if (invocation.receivesProgress() && !stop.isDone()) {
                Map<String, Object> state = state(runId, "running", budget, elapsed);
                invocation.sendProgress(Payload.of(List.of(state), state));
            }
        }
        Map<String, Object> result = state(runId, stop.isDone() ? "stopped" : "finished", budget, elapsed);
        result.put("tour", List.of(0, 1, 2));
        return Payload.of(List.of(result), result);
    }

    private static Map<String, Object> state(String runId, String state, long budget, long elapsed) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("runId", runId);
        run.put("problemId", "tsplib:berlin52");
        run.put("name", "berlin52");
        run.put("n", 52);
        run.put("state", state);
        run.put("strategy", "tempering");
        run.put("budgetMs", budget);
        run.put("elapsedMs", elapsed);
        run.put("length", 7542 + Math.max(0, 1000 - elapsed));
        run.put("optimum", 7542);
        run.put("gap", Math.max(0, 1000 - elapsed) * 100.0 / 7542);
        run.put("computeCalls", elapsed / 100 * 2);
        run.put("failedCalls", 0);
        run.put("proposalsPerSec", 2_500_000);
        run.put("instances", List.of(
                Map.of("instanceId", "compute-a", "calls", elapsed / 100, "proposals", 10, "best", 7542),
                Map.of("instanceId", "compute-b", "calls", elapsed / 100, "proposals", 10, "best", 7600)));
        return run;
    }

    private record Outcome(int status, String out, String err) {
    }

    private static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> argv = new ArrayList<>(List.of(args));
        argv.addAll(List.of("--url", router.webSocketUrl().toString()));
        int status = SolveCommand.run(argv.toArray(String[]::new), Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void solvesATspLibInstanceDrawingProgressAndPrintingTheResult() throws Exception {
        Outcome outcome = run("berlin52", "--budget", "1s");

        assertThat(outcome.status()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("run            run-")
                .contains("(finished)\n")
                .contains("problem        berlin52 (52 cities)\n")
                .contains("length         7542\n")
                .contains("gap            0.00% (optimum 7542)\n")
                .contains("time           1.00s (budget 1s)\n")
                .contains("compute calls  20 (0 failed)\n")
                .contains("instances      2\n")
                .contains("  compute-b  10 calls  best 7600\n");
        assertThat(outcome.err()).contains("solve: berlin52, budget 1s, on " + router.webSocketUrl())
                .contains("\r[##")
                .contains("best 8442  gap 11.93%  2 instances  2.50M proposals/s")
                .contains("\r[########################]  1.0s/1.0s  best 7542  gap 0.00%");
        Map<String, Object> request = solveRequests.poll(5, TimeUnit.SECONDS);
        assertThat(request).containsEntry("problem", Map.of("tsplib", "berlin52")).containsEntry("budgetMs", 1000L)
                .doesNotContainKeys("strategy", "seed");
    }

    @Test
    void aRandomProblemWithStrategyAndRunSeedAndNoProgressBar() throws Exception {
        Outcome outcome = run("--random", "1000", "--seed", "7", "--budget", "200ms", "--strategy", "restart",
                "--run-seed", "99", "--no-progress");

        assertThat(outcome.status()).as(outcome.err()).isZero();
        assertThat(outcome.err()).doesNotContain("\r");
        assertThat(solveRequests.poll(5, TimeUnit.SECONDS))
                .containsEntry("problem", Map.of("random", Map.of("n", 1000L, "seed", 7L)))
                .containsEntry("budgetMs", 200L).containsEntry("strategy", "restart").containsEntry("seed", 99L);
    }

    @Test
    void aTspLibFileIsReadHereAndSentInline(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("square.tsp"), """
                NAME : square
                TYPE : TSP
                DIMENSION : 4
                EDGE_WEIGHT_TYPE : EUC_2D
                NODE_COORD_SECTION
                1 0 0
                2 10 0
                3 10 10
                4 0 10.5
                EOF
                """);

        Outcome outcome = run(file.toString(), "--budget", "100ms");

        assertThat(outcome.status()).as(outcome.err()).isZero();
        @SuppressWarnings("unchecked")
        Map<String, Object> problem = (Map<String, Object>) solveRequests.poll(5, TimeUnit.SECONDS).get("problem");
        assertThat(problem).containsEntry("name", "square").containsEntry("cities",
                List.of(List.of(0.0, 0.0), List.of(10.0, 0.0), List.of(10.0, 10.0), List.of(0.0, 10.5)));
    }

    @Test
    void anErrorIsReportedWithItsUriAndMessageAndExitStatus1() {
        Outcome invalid = run("nowhere", "--budget", "1s");
        Outcome noCompute = run("lonely");

        assertThat(invalid.status()).isEqualTo(1);
        assertThat(invalid.out()).isEmpty();
        assertThat(invalid.err()).contains("solve: wamp.error.invalid_argument: unknown TSPLIB instance 'nowhere'\n");
        assertThat(noCompute.status()).isEqualTo(1);
        assertThat(noCompute.err()).contains("solve: tsp.error.no_compute: no compute instance registered\n");
    }

    @Test
    void aWrongCommandLineExitsWith2AndHelpWith0() {
        Outcome wrong = run("berlin52", "--budget", "soon");
        Outcome help = run("--help");

        assertThat(wrong.status()).isEqualTo(2);
        assertThat(wrong.err()).contains("--budget needs a duration");
        assertThat(help.status()).isZero();
        assertThat(help.out()).startsWith("Usage: solve.sh PROBLEM [options]");
    }

    @Test
    void listsTheOfferedInstances() {
        Outcome outcome = run("--list");

        assertThat(outcome.status()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("berlin52           52       7542\n").contains("mine                7          -\n");
    }

    @Test
    void noRouterIsAClearError() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int port = RouterProcess.freePort();

        int status = SolveCommand.run(new String[] {"berlin52", "--url", "ws://127.0.0.1:" + port + "/ws"}, Map.of(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("solve: cannot connect to ws://127.0.0.1:" + port + "/ws (");
    }

    /** The packaged jar as a process of its own: SIGTERM (as Ctrl-C) stops the run through tsp.stop. */
    @Test
    void aSignalStopsTheRunAndPrintsWhereItGotTo() throws Exception {
        Path jar = Path.of(System.getProperty("cli.jar", "target/switchboard-cli.jar"));
        Path stdout = Files.createTempFile("solve-out", ".txt");
        Path stderr = Files.createTempFile("solve-err", ".txt");
        Process process = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-jar",
                jar.toString(), "berlin52", "--budget", "60s", "--url", router.webSocketUrl().toString())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Files.readString(stderr).contains(" best ") && System.nanoTime() < deadline
                    && process.isAlive()) {
                Thread.sleep(50);
            }
            assertThat(Files.readString(stderr)).as("progress on stderr").contains(" best ");

            process.destroy();

            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exits by itself").isTrue();
            String runId = stopRequests.poll(5, TimeUnit.SECONDS);
            assertThat(runId).as("tsp.stop was called").startsWith("run-");
            assertThat(Files.readString(stdout)).contains("run            " + runId + " (stopped)\n");
            assertThat(process.exitValue()).as("128 + SIGTERM").isEqualTo(143);
            assertThat(Files.readString(stderr)).contains("solve: stopping the run ...");
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }
}
