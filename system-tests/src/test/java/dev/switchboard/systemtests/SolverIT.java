package dev.switchboard.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.tsp.Problem;
import dev.switchboard.tsp.Tour;
import dev.switchboard.tsp.tsplib.TspLibReader;
import dev.switchboard.wamp.client.CallResult;
import dev.switchboard.wamp.client.WampClient;
import dev.switchboard.wamp.client.WampException;
import dev.switchboard.wamp.message.CallOptions;
import dev.switchboard.wamp.message.Payload;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The distributed solver end to end, as separate processes: a router, an orchestrator and two compute instances (one
 * anneal slot each), driven by a WAMP client the way the dashboard and the command-line client drive it.
 */
class SolverIT {

    private static final Duration START = Duration.ofSeconds(90);

    private static ServiceProcess router;
    private static ServiceProcess orchestrator;
    private static final List<ServiceProcess> computes = new CopyOnWriteArrayList<>();
    private WampClient client;

    @BeforeAll
    static void startSuite() throws Exception {
        router = ServiceProcess.start("router-service", "--switchboard.router.transport.rawsocket.host=127.0.0.1",
                "--switchboard.router.transport.rawsocket.port=0");
        router.awaitHealthy(START);
        orchestrator = ServiceProcess.start("orchestrator-service", wampUrl());
        computes.add(startCompute());
        computes.add(startCompute());
        orchestrator.awaitHealthy(START);
        for (ServiceProcess compute : computes) {
            compute.awaitHealthy(START);
        }
    }

    @AfterAll
    static void stopSuite() throws InterruptedException {
        for (ServiceProcess compute : computes) {
            compute.close();
        }
        if (orchestrator != null) {
            orchestrator.close();
        }
        if (router != null) {
            router.close();
        }
    }

    @BeforeEach
    void connect() throws Exception {
        client = WampClient.builder(URI.create("ws://127.0.0.1:" + router.port() + "/ws"), "realm1").build();
        client.connect().get(10, TimeUnit.SECONDS);
        awaitCallees("tsp.compute.anneal", 2);
        awaitCallees("tsp.solve", 1);
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    @Test
    void solvesBerlin52WithProgressForTheCallerAndEventsForEveryone() throws Exception {
        List<Map<String, Object>> progressEvents = new CopyOnWriteArrayList<>();
        List<Map<String, Object>> bestEvents = new CopyOnWriteArrayList<>();
        CompletableFuture<Map<String, Object>> finished = new CompletableFuture<>();
        client.subscribe("tsp.run.progress", event -> progressEvents.add(event.kwargs())).get(5, TimeUnit.SECONDS);
        client.subscribe("tsp.run.best", event -> bestEvents.add(event.kwargs())).get(5, TimeUnit.SECONDS);
        client.subscribe("tsp.run.finished", event -> finished.complete(event.kwargs())).get(5, TimeUnit.SECONDS);
        List<Map<String, Object>> progressResults = new CopyOnWriteArrayList<>();

        Map<String, Object> result = client.call("tsp.solve", Payload.of(null,
                        Map.of("problem", Map.of("tsplib", "berlin52"), "budgetMs", 2_000)), CallOptions.DEFAULT,
                progress -> progressResults.add(progress.kwargs())).get(10, TimeUnit.SECONDS).kwargs();

        assertThat(result).containsEntry("state", "finished").containsEntry("name", "berlin52")
                .containsEntry("problemId", "tsplib:berlin52").containsEntry("optimum", 7542L)
                .containsEntry("budgetMs", 2000L).containsKeys("runId", "gap", "instances", "computeCalls");
        long length = ((Number) result.get("length")).longValue();
        assertValidTour(result, "berlin52", length);
        assertThat(length).as("berlin52's optimum is 7542").isLessThanOrEqualTo(7542 * 101 / 100);
        assertThat(((Number) result.get("elapsedMs")).longValue()).isBetween(1_900L, 3_000L);
        assertThat(((List<?>) result.get("instances"))).as("both compute instances served").hasSize(2);
        assertThat(progressResults).as("progressive results at 2 Hz").hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(progress -> assertThat(progress).containsEntry("runId", result.get("runId"))
                        .containsEntry("state", "running"));

        Map<String, Object> end = finished.get(5, TimeUnit.SECONDS);
        assertThat(end).containsEntry("runId", result.get("runId")).containsEntry("length", result.get("length"))
                .containsEntry("tour", result.get("tour"));
        List<Map<String, Object>> ofRun = progressEvents.stream()
                .filter(event -> result.get("runId").equals(event.get("runId"))).toList();
        assertThat(ofRun).as("tsp.run.progress at 4 Hz over 2 s").hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(event -> assertThat(event).containsKeys("length", "elapsedMs", "temperature",
                        "callsInFlight", "callees", "instances", "proposalsPerSec"));
        assertThat(bestEvents).filteredOn(event -> result.get("runId").equals(event.get("runId")))
                .isNotEmpty()
                .last().satisfies(best -> assertThat(best).containsEntry("length", result.get("length")));
    }

    @Test
    void aComputeInstanceKilledMidRunCostsOnlyItsWorkAndTheRunEndsWithinBudget() throws Exception {
        CompletableFuture<CallResult> solve = client.call("tsp.solve", Payload.of(null,
                Map.of("problem", Map.of("tsplib", "kroA100"), "budgetMs", 4_000)));
        Thread.sleep(1_500);
        ServiceProcess victim = computes.removeFirst();
        victim.kill();

        Map<String, Object> result = solve.get(4_000 + 1_000 + 2_000, TimeUnit.MILLISECONDS).kwargs();

        assertThat(result).containsEntry("state", "finished");
        assertThat(((Number) result.get("elapsedMs")).longValue()).as("budget + 1 s")
                .isLessThanOrEqualTo(4_000 + 1_000);
        assertValidTour(result, "kroA100", ((Number) result.get("length")).longValue());
        assertThat(((List<?>) result.get("instances"))).as("both served before one died").hasSize(2);
        computes.add(startCompute());
        computes.getLast().awaitHealthy(START);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"tsplib\":\"nowhere42\"}|1000|unknown TSPLIB instance 'nowhere42'",
        "{\"cities\":[[0,0],[1,1]]}|1000|at least 3 cities, got 2",
        "{\"cities\":[[0,0],[1,\"x\"],[2,2]]}|1000|problem.cities[1] must be [x, y]",
        "{\"random\":{\"n\":2.5,\"seed\":1}}|1000|problem.random.n must be an integer",
        "{\"tsplib\":\"berlin52\"}|5|budgetMs must be between 100 and 240000, got 5",
        "{\"tsplib\":\"berlin52\"}|99999999|budgetMs must be between",
        "{\"shape\":\"circle\"}|1000|problem needs one of tsplib, random or cities"})
    void invalidRequestsAreRefusedWithAMessageThatSaysWhatIsWrong(String problem, long budget, String message)
            throws Exception {
        Map<String, Object> problemValue = new tools.jackson.databind.json.JsonMapper().readValue(problem, Map.class);

        assertThatThrownBy(() -> call("tsp.solve", Map.of("problem", problemValue, "budgetMs", budget)))
                .isInstanceOfSatisfying(WampException.class, error -> {
                    assertThat(error.error()).isEqualTo("wamp.error.invalid_argument");
                    assertThat(error.args()).first().asString().contains(message);
                });
    }

    @Test
    void aBudgetThatDoesNotFitInTheCallsTimeoutIsRefused() {
        CompletableFuture<CallResult> solve = client.call("tsp.solve", Payload.of(null,
                        Map.of("problem", Map.of("tsplib", "berlin52"), "budgetMs", 5_000)),
                dev.switchboard.wamp.client.WampOptions.call().timeout(Duration.ofSeconds(3)).build());

        assertThatThrownBy(() -> solve.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(WampException.class)
                .cause().satisfies(cause -> {
                    WampException error = (WampException) cause;
                    assertThat(error.error()).isEqualTo("wamp.error.invalid_argument");
                    assertThat(error.args()).first().asString()
                            .contains("does not fit in this call's timeout of 3000 ms");
                });
    }

    @Test
    void runsCanBeListedReadAndStopped() throws Exception {
        CompletableFuture<CallResult> solve = client.call("tsp.solve", Payload.of(null,
                Map.of("problem", Map.of("random", Map.of("n", 300, "seed", 7)), "budgetMs", 20_000,
                        "strategy", "restart")));
        Thread.sleep(1_000);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> runs = (List<Map<String, Object>>) call("tsp.runs.list", Map.of()).get("runs");
        Map<String, Object> running = runs.getFirst();
        assertThat(running).containsEntry("state", "running").containsEntry("problemId", "random:300:7")
                .containsEntry("strategy", "restart").doesNotContainKey("tour");
        String runId = (String) running.get("runId");

        Map<String, Object> stopped = call("tsp.stop", Map.of("runId", runId));

        assertThat(stopped).containsEntry("runId", runId).containsEntry("state", "stopped");
        assertThat(solve.get(5, TimeUnit.SECONDS).kwargs()).containsEntry("state", "stopped");
        Map<String, Object> read = call("tsp.runs.get", Map.of("runId", runId));
        assertThat(read).containsEntry("state", "stopped").containsKey("tour");
        assertThat(((Number) read.get("elapsedMs")).longValue()).isLessThan(3_000);
        Map<String, Object> problem = call("tsp.problem.get", Map.of("problemId", "random:300:7"));
        assertThat((List<?>) problem.get("cities")).hasSize(300);
        assertThatThrownBy(() -> call("tsp.runs.get", Map.of("runId", "run-00000000")))
                .isInstanceOfSatisfying(WampException.class,
                        error -> assertThat(error.error()).isEqualTo("tsp.error.no_such_run"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> offered = (List<Map<String, Object>>) call("tsp.problems.list", Map.of())
                .get("problems");
        assertThat(offered).extracting(entry -> entry.get("name"))
                .contains("berlin52", "kroA100", "pcb442", "pr1002", "pr2392");
        assertThat(offered).filteredOn(entry -> "pr2392".equals(entry.get("name"))).first()
                .satisfies(entry -> assertThat(entry).containsEntry("n", 2392L).containsEntry("optimum", 378032L));
    }

    @Test
    void aSecondOrchestratorIsAHotStandbyThatAnswersOnceTheFirstIsGone() throws Exception {
        ServiceProcess standby = ServiceProcess.start("orchestrator-service", wampUrl());
        try {
            standby.awaitHealthy(START);
            awaitCallees("tsp.solve", 2);
            ServiceProcess first = orchestrator;
            first.kill();
            orchestrator = standby;
            awaitCalleesExactly("tsp.solve", 1);

            Map<String, Object> result = call("tsp.solve", Map.of("problem", Map.of("tsplib", "berlin52"),
                    "budgetMs", 500));

            assertThat(result).containsEntry("state", "finished");
            assertValidTour(result, "berlin52", ((Number) result.get("length")).longValue());
        } catch (RuntimeException | Error e) {
            standby.close();
            throw e;
        }
    }

    private Map<String, Object> call(String procedure, Map<String, Object> kwargs) throws Exception {
        try {
            return client.call(procedure, Payload.of(null, kwargs)).get(15, TimeUnit.SECONDS).kwargs();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** Waits until at least {@code count} sessions have registered {@code procedure}. */
    private void awaitCallees(String procedure, int count) throws Exception {
        awaitCallees(procedure, callees -> callees >= count, "at least " + count);
    }

    /** Waits until exactly {@code count} sessions have registered {@code procedure}. */
    private void awaitCalleesExactly(String procedure, int count) throws Exception {
        awaitCallees(procedure, callees -> callees == count, "exactly " + count);
    }

    private void awaitCallees(String procedure, java.util.function.LongPredicate done, String expected)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            Object id = client.call("wamp.registration.lookup", Payload.of(List.of(procedure), null))
                    .get(5, TimeUnit.SECONDS).arg(0);
            long callees = id == null ? 0 : ((Number) client.call("wamp.registration.count_callees",
                    Payload.of(List.of(id), null)).get(5, TimeUnit.SECONDS).arg(0)).longValue();
            if (done.test(callees)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(callees + " sessions registered " + procedure + ", expected " + expected);
            }
            Thread.sleep(100);
        }
    }

    @SuppressWarnings("unchecked")
    private static void assertValidTour(Map<String, Object> result, String name, long length) throws IOException {
        Problem problem = tsplib(name);
        int[] tour = ((List<Number>) result.get("tour")).stream().mapToInt(Number::intValue).toArray();
        assertThat(Tour.isPermutation(tour, problem.size())).as("a permutation of the cities").isTrue();
        assertThat(Tour.length(problem, tour)).as("the tour's length").isEqualTo(length);
    }

    private static Problem tsplib(String name) throws IOException {
        try (Reader reader = new InputStreamReader(SolverIT.class.getResourceAsStream("/tsplib/" + name + ".tsp"),
                StandardCharsets.US_ASCII)) {
            return TspLibReader.readProblem(reader, name);
        }
    }

    private static ServiceProcess startCompute() throws IOException {
        return ServiceProcess.start("compute-service", wampUrl(), "--switchboard.compute.concurrency=1");
    }

    private static String wampUrl() {
        return "--switchboard.wamp.url=ws://127.0.0.1:" + router.port() + "/ws";
    }
}
