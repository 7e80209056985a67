package dev.switchboard.orchestrator.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.orchestrator.OrchestratorProperties;
import dev.switchboard.orchestrator.problem.TspLibCatalog;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The run queue and what it tells the world, with compute instances in this process ({@link FakeCompute}). */
class RunsTests {

    private static final TspLibCatalog CATALOG = TspLibCatalog.load(null);

    /** What {@link RunEvents} heard, in order: "started run-…", "progress run-…", …. */
    private final List<String> heard = new CopyOnWriteArrayList<>();
    private final List<Long> bestLengths = new CopyOnWriteArrayList<>();
    private final FakeCompute compute = new FakeCompute(Map.of(
            "tsplib:berlin52", CATALOG.find("berlin52").orElseThrow(),
            "tsplib:kroA100", CATALOG.find("kroA100").orElseThrow()));
    private Runs runs;

    @AfterEach
    void close() {
        if (runs != null) {
            runs.close();
        }
        compute.close();
    }

    @Test
    void aRunIsAnnouncedReportsProgressFourTimesASecondAndEndsWithItsBest() throws Exception {
        compute.add("a", 1);
        runs = runs(8);

        Run run = runs.submit(RunLoopTests.request("kroA100", 1_500, "tempering"));
        run.ended().get(5, TimeUnit.SECONDS);

        assertThat(heard.getFirst()).isEqualTo("started " + run.id());
        assertThat(heard.getLast()).isEqualTo("finished " + run.id());
        assertThat(heard.stream().filter(event -> event.equals("progress " + run.id())).count())
                .as("progress events over 1.5 s at 4 Hz").isBetween(4L, 8L);
        assertThat(bestLengths).as("each new best is shorter").isSortedAccordingTo((a, b) -> Long.compare(b, a))
                .last().isEqualTo(run.best().length());
    }

    @Test
    void runsWaitTheirTurnAndTooManyWaitingAreRefused() throws Exception {
        compute.add("a", 1);
        runs = runs(1);

        Run first = runs.submit(RunLoopTests.request("berlin52", 600, "restart"));
        Run second = runs.submit(RunLoopTests.request("berlin52", 300, "restart"));
        assertThatThrownBy(() -> runs.submit(RunLoopTests.request("berlin52", 300, "restart")))
                .isInstanceOf(RunsBusyException.class).hasMessageContaining("1 runs are waiting already");

        await().atMost(Duration.ofSeconds(2)).until(() -> first.state() == RunState.RUNNING);
        assertThat(second.state()).isEqualTo(RunState.QUEUED);
        assertThat(runs.recent(10)).as("the running run first").containsExactly(first, second);
        second.ended().get(5, TimeUnit.SECONDS);
        assertThat(first.state()).isEqualTo(RunState.FINISHED);
        assertThat(second.state()).isEqualTo(RunState.FINISHED);
        assertThat(runs.recent(10)).as("newest first").containsExactly(second, first);
        assertThat(heard).containsSubsequence("started " + first.id(), "finished " + first.id(),
                "started " + second.id(), "finished " + second.id());
    }

    @Test
    void aQueuedRunThatIsStoppedNeverStarts() throws Exception {
        compute.add("a", 1);
        runs = runs(4);

        Run first = runs.submit(RunLoopTests.request("berlin52", 800, "tempering"));
        Run queued = runs.submit(RunLoopTests.request("berlin52", 800, "tempering"));
        runs.stop(queued.id());
        Run running = runs.stop(first.id()).orElseThrow();

        queued.ended().get(5, TimeUnit.SECONDS);
        assertThat(running.state()).isEqualTo(RunState.STOPPED);
        assertThat(queued.state()).isEqualTo(RunState.STOPPED);
        assertThat(heard).doesNotContain("started " + queued.id()).contains("finished " + queued.id());
        assertThat(runs.stop("run-unknown")).isEmpty();
    }

    @Test
    void onlyTheMostRecentEndedRunsAreRemembered() throws Exception {
        compute.add("a", 1);
        runs = new Runs(new RunLoop(compute, RunLoopTests.properties(Duration.ofSeconds(1))), recorder(),
                withKeptRuns(2));

        List<Run> submitted = List.of(runs.submit(RunLoopTests.request("berlin52", 100, "restart")),
                runs.submit(RunLoopTests.request("berlin52", 100, "restart")),
                runs.submit(RunLoopTests.request("berlin52", 100, "restart")));
        await().atMost(Duration.ofSeconds(5)).until(() -> submitted.getLast().state().ended());

        assertThat(runs.find(submitted.getFirst().id())).isEmpty();
        assertThat(runs.recent(10)).containsExactly(submitted.get(2), submitted.get(1));
    }

    private Runs runs(int maxQueued) {
        OrchestratorProperties defaults = RunLoopTests.properties(Duration.ofSeconds(1));
        OrchestratorProperties properties = new OrchestratorProperties(null, defaults.epoch(), defaults.minBudget(),
                defaults.maxBudget(), defaults.maxCities(), defaults.computeWait(), defaults.callGrace(),
                defaults.maxSlots(), maxQueued, defaults.keptRuns(), defaults.strategy(), defaults.ladderRatio(),
                defaults.progressInterval());
        return new Runs(new RunLoop(compute, properties), recorder(), properties);
    }

    private static OrchestratorProperties withKeptRuns(int keptRuns) {
        OrchestratorProperties defaults = RunLoopTests.properties(Duration.ofSeconds(1));
        return new OrchestratorProperties(null, defaults.epoch(), defaults.minBudget(), defaults.maxBudget(),
                defaults.maxCities(), defaults.computeWait(), defaults.callGrace(), defaults.maxSlots(),
                defaults.maxQueued(), keptRuns, defaults.strategy(), defaults.ladderRatio(),
                defaults.progressInterval());
    }

    private RunEvents recorder() {
        return new RunEvents() {
            @Override
            public void started(Run run) {
                heard.add("started " + run.id());
            }

            @Override
            public void progress(Run run) {
                heard.add("progress " + run.id());
            }

            @Override
            public void best(Run run, Run.Best best) {
                if (bestLengths.isEmpty() || bestLengths.getLast() != best.length()) {
                    bestLengths.add(best.length());
                }
            }

            @Override
            public void finished(Run run) {
                heard.add("finished " + run.id());
            }
        };
    }
}
