package dev.switchboard.orchestrator.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.orchestrator.OrchestratorProperties;
import dev.switchboard.orchestrator.problem.ResolvedProblem;
import dev.switchboard.orchestrator.problem.TspLibCatalog;
import dev.switchboard.tsp.Tour;
import dev.switchboard.tsp.api.AnnealResult;
import dev.switchboard.tsp.api.TspUris;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The run loop against compute instances in this process that deal like the router does (see {@link FakeCompute}):
 * what a run returns and how it copes with instances that come, go, fail or lie.
 */
class RunLoopTests {

    private static final TspLibCatalog CATALOG = TspLibCatalog.load(null);

    private final FakeCompute compute = new FakeCompute(Map.of(
            "tsplib:berlin52", CATALOG.find("berlin52").orElseThrow(),
            "tsplib:kroA100", CATALOG.find("kroA100").orElseThrow()));

    @AfterEach
    void stopCompute() {
        compute.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tempering", "restart"})
    void solvesWithinTheBudgetAndReturnsAValidTourOfItsLength(String strategy) throws Exception {
        compute.add("a", 1);
        compute.add("b", 1);

        Run run = solve("berlin52", 1_500, strategy, properties(Duration.ofSeconds(2)));

        assertThat(run.state()).isEqualTo(RunState.FINISHED);
        assertValidBest(run, "berlin52");
        assertThat(run.best().length()).as("berlin52's optimum is 7542").isLessThanOrEqualTo(7542 * 102 / 100);
        assertThat(run.elapsedMs()).isBetween(1_400L, 1_500L + 200);
        Map<String, Object> state = run.snapshot(Run.Detail.FULL);
        assertThat(state).containsEntry("state", "finished").containsEntry("strategy", strategy)
                .containsEntry("failedCalls", 0L).containsKeys("tour", "instances", "gap", "proposals");
        assertThat(((Number) state.get("computeCalls")).longValue()).isGreaterThanOrEqualTo(8);
        assertThat(contributors(state)).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void keepsEverySlotOfEveryInstanceBusy() throws Exception {
        FakeCompute.Instance a = compute.add("a", 2);
        FakeCompute.Instance b = compute.add("b", 3);

        Run run = solve("kroA100", 1_500, "tempering", properties(Duration.ofSeconds(2)));

        assertThat(run.state()).isEqualTo(RunState.FINISHED);
        assertThat(compute.peakInFlight()).as("calls in flight at once").isEqualTo(5);
        assertThat(compute.refused()).as("probing calls refused because every slot was busy").isPositive();
        assertThat(run.snapshot(Run.Detail.SUMMARY)).as("refusals are not failures").containsEntry("failedCalls", 0L);
        assertThat(a.served.get()).as("calls a served in 1.5 s of 200 ms epochs on 2 slots").isGreaterThanOrEqualTo(8);
        assertThat(b.served.get()).as("calls b served in 1.5 s of 200 ms epochs on 3 slots").isGreaterThanOrEqualTo(12);
    }

    @Test
    void slowRefusalsDoNotMakeTheProbeRunAway() throws Exception {
        compute.add("a", 1);
        compute.add("b", 1);
        compute.refusalDelayMillis = 120; // a loaded machine: refusals later than a round trip, sooner than a call

        Run run = solve("kroA100", 1_500, "tempering", properties(Duration.ofSeconds(2)));

        assertThat(run.state()).isEqualTo(RunState.FINISHED);
        assertThat(compute.peakInFlight()).isEqualTo(2);
        assertThat(compute.refused()).as("probing calls refused: the first probe's two, no doubling").isLessThanOrEqualTo(4);
    }

    @Test
    void anInstanceThatDiesCostsOnlyItsCallsAndTheRunEndsOnTime() throws Exception {
        compute.add("a", 1);
        FakeCompute.Instance dying = compute.add("b", 1);
        CompletableFuture.delayedExecutor(700, TimeUnit.MILLISECONDS).execute(dying::kill);

        Run run = solve("kroA100", 2_000, "tempering", properties(Duration.ofSeconds(2)));

        assertThat(run.state()).isEqualTo(RunState.FINISHED);
        assertThat(run.elapsedMs()).isLessThanOrEqualTo(2_000 + 200);
        assertValidBest(run, "kroA100");
        Map<String, Object> state = run.snapshot(Run.Detail.FULL);
        assertThat(((Number) state.get("failedCalls")).longValue()).isBetween(1L, 2L);
        assertThat(contributors(state)).containsExactlyInAnyOrder("a", "b");
        assertThat(state).containsEntry("callees", 1);
    }

    @Test
    void anInstanceThatJoinsMidRunGetsWork() throws Exception {
        compute.add("a", 1);
        CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS).execute(() -> compute.add("late", 1));

        Run run = solve("kroA100", 2_000, "tempering", properties(Duration.ofSeconds(2)));

        assertThat(contributors(run.snapshot(Run.Detail.FULL))).containsExactlyInAnyOrder("a", "late");
        assertThat(compute.peakInFlight()).isEqualTo(2);
    }

    @Test
    void anInstanceThatFailsEveryCallCostsItsCallsOnlyAndIsNotHammered() throws Exception {
        compute.add("good", 1);
        FakeCompute.Instance failing = compute.add("failing", 1);
        failing.doctor = result -> {
            throw new IllegalStateException("out of memory, say");
        };

        Run run = solve("kroA100", 2_000, "tempering", properties(Duration.ofSeconds(2)));

        assertThat(run.state()).isEqualTo(RunState.FINISHED);
        assertValidBest(run, "kroA100");
        Map<String, Object> state = run.snapshot(Run.Detail.FULL);
        assertThat(contributors(state)).containsExactly("good");
        assertThat(((Number) state.get("failedCalls")).longValue()).as("failed calls in 2 s of 200 ms epochs")
                .isBetween(1L, 20L);
    }

    @Test
    void resultsThatAreNotValidToursAreDropped() throws Exception {
        compute.add("honest", 1);
        FakeCompute.Instance liar = compute.add("liar", 1);
        liar.doctor = result -> new AnnealResult(result.tour(), result.length() / 2, result.proposals(),
                result.accepted(), result.elapsedMs(), result.instanceId());

        Run run = solve("berlin52", 1_000, "tempering", properties(Duration.ofSeconds(2)));

        assertValidBest(run, "berlin52");
        assertThat(contributors(run.snapshot(Run.Detail.FULL))).containsExactly("honest");
    }

    @Test
    void withoutComputeTheRunFailsWithAClearErrorAfterTheWait() throws Exception {
        long start = System.nanoTime();

        Run run = solve("berlin52", 5_000, "tempering", properties(Duration.ofMillis(400)));

        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(run.state()).isEqualTo(RunState.FAILED);
        assertThat(run.errorUri()).isEqualTo(TspUris.ERROR_NO_COMPUTE);
        assertThat(run.error()).contains("no compute instance", TspUris.COMPUTE_ANNEAL);
        assertThat(tookMs).isBetween(350L, 2_000L);
    }

    @Test
    void aStoppedRunEndsAtOnceAsStoppedWithItsBestTour() throws Exception {
        compute.add("a", 1);
        RunLoop loop = new RunLoop(compute, properties(Duration.ofSeconds(2)));
        Run run = new Run("run-test", request("kroA100", 10_000, "tempering"));
        CompletableFuture.delayedExecutor(600, TimeUnit.MILLISECONDS).execute(run::requestStop);

        loop.execute(run);

        assertThat(run.state()).isEqualTo(RunState.STOPPED);
        assertThat(run.elapsedMs()).isBetween(550L, 1_200L);
        assertValidBest(run, "kroA100");
    }

    private Run solve(String name, long budgetMs, String strategy, OrchestratorProperties properties) {
        Run run = new Run("run-test", request(name, budgetMs, strategy));
        new RunLoop(compute, properties).execute(run);
        return run;
    }

    static SolveRequest request(String name, long budgetMs, String strategy) {
        return new SolveRequest(new ResolvedProblem("tsplib:" + name, CATALOG.find(name).orElseThrow(),
                CATALOG.optimum(name)), budgetMs, 42, strategy);
    }

    static OrchestratorProperties properties(Duration computeWait) {
        return new OrchestratorProperties(null, Duration.ofMillis(200), Duration.ofMillis(100), Duration.ofMinutes(10),
                100_000, computeWait, Duration.ofMillis(500), 256, 8, 50, "tempering", 4, Duration.ofMillis(250));
    }

    private static void assertValidBest(Run run, String name) {
        Run.Best best = run.best();
        assertThat(best).isNotNull();
        assertThat(Tour.isPermutation(best.tour(), CATALOG.find(name).orElseThrow().size())).isTrue();
        assertThat(Tour.length(CATALOG.find(name).orElseThrow(), best.tour())).isEqualTo(best.length());
        assertThat(run.snapshot(Run.Detail.SUMMARY)).containsEntry("length", best.length());
    }

    @SuppressWarnings("unchecked")
    private static List<String> contributors(Map<String, Object> state) {
        return ((List<Map<String, Object>>) state.get("instances")).stream()
                .map(instance -> (String) instance.get("instanceId")).toList();
    }
}
