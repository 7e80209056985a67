package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTests {

    private static Map<String, Object> finished() {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("runId", "run-1a2b3c4d");
        run.put("problemId", "tsplib:berlin52");
        run.put("name", "berlin52");
        run.put("n", 52L);
        run.put("state", "finished");
        run.put("budgetMs", 5_000L);
        run.put("elapsedMs", 5_012L);
        run.put("length", 7_544L);
        run.put("optimum", 7_542L);
        run.put("gap", 0.0265);
        run.put("computeCalls", 412L);
        run.put("failedCalls", 1L);
        run.put("instances", List.of(
                Map.of("instanceId", "compute-a", "calls", 206L, "proposals", 1L, "best", 7_544L),
                Map.of("instanceId", "compute-b", "calls", 206L, "proposals", 1L, "best", 7_580L)));
        run.put("tour", List.of(0L, 1L, 2L));
        return run;
    }

    @Test
    void aFinishedRunWithItsLengthGapTimeCallsAndInstances() {
        assertThat(Report.of(finished())).isEqualTo("""
                run            run-1a2b3c4d (finished)
                problem        berlin52 (52 cities)
                length         7544
                gap            0.03% (optimum 7542)
                time           5.01s (budget 5s)
                compute calls  412 (1 failed)
                instances      2
                  compute-a  206 calls  best 7544
                  compute-b  206 calls  best 7580
                """);
    }

    @Test
    void withoutAnOptimumThereIsNoGapAndWithoutResultsNoLength() {
        Map<String, Object> run = new HashMap<>(finished());
        run.remove("optimum");
        run.remove("gap");
        run.put("length", null);
        run.put("instances", List.of());
        run.put("state", "failed");
        run.put("error", "no compute instance");
        run.put("budgetMs", 500L);

        assertThat(Report.of(run)).contains("length         none\n").doesNotContain("gap")
                .contains("time           5.01s (budget 500ms)\n").contains("instances      0\n")
                .endsWith("error          no compute instance\n");
    }

    @Test
    void theTspLibInstancesOffered() {
        Map<String, Object> unknown = new HashMap<>();
        unknown.put("name", "mine");
        unknown.put("n", 12L);
        unknown.put("optimum", null);

        assertThat(Report.problems(List.of(Map.of("name", "berlin52", "n", 52L, "optimum", 7542L), unknown)))
                .isEqualTo("""
                        name           cities    optimum
                        berlin52           52       7542
                        mine               12          -
                        """);
    }
}
