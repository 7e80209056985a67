package dev.switchboard.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.tsp.Problem;
import dev.switchboard.tsp.Tour;
import dev.switchboard.tsp.api.TspUris;
import dev.switchboard.wamp.client.CallResult;
import dev.switchboard.wamp.client.WampClient;
import dev.switchboard.wamp.client.WampOptions;
import dev.switchboard.wamp.message.Payload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code tsp.solve} through the orchestrator, with compute workers in three languages: the router runs with the
 * suite's realm, the orchestrator and a Java compute-service join as the {@code service} principal, the Python and
 * Node.js example workers register {@code tsp.compute.anneal} beside it, and a browser session (role dashboard)
 * solves berlin52. The best tour must be exact, and every kind of worker must have contributed to the run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PolyglotSolveIT {

    private final PolyglotSuite suite = new PolyglotSuite();

    @BeforeAll
    void startSuite() throws Exception {
        Assumptions.assumeTrue(orchestratorServesSolve(),
                "the packaged orchestrator-service has no TSP procedures yet (no TspProcedures class in its jar)");
        suite.startRouter();
        ServiceProcess orchestrator = suite.startService("orchestrator-service");
        orchestrator.awaitHealthy(Duration.ofSeconds(90));
        suite.eventually("the orchestrator registers " + TspUris.SOLVE, Duration.ofSeconds(30),
                () -> suite.callees(TspUris.SOLVE) == 1);
        suite.startWorkers();
    }

    @AfterAll
    void stopSuite() throws Exception {
        suite.close();
    }

    @Test
    void aBrowserSolvesBerlin52WithJavaPythonAndNodeWorkersAllContributing() throws IOException {
        Problem berlin52 = PolyglotWorkersIT.berlin52();
        Map<String, Object> answer;
        try (WampClient browser = suite.browser()) {
            CallResult result = PolyglotSuite.await(browser.call(TspUris.SOLVE,
                    Payload.of(null, Map.of("problem", Map.of("tsplib", "berlin52"), "budgetMs", 4000, "seed", 7)),
                    WampOptions.call().timeout(Duration.ofSeconds(15)).build()));
            answer = result.kwargs();
        }
        System.out.println("tsp.solve: length " + answer.get("length") + ", computeCalls " + answer.get("computeCalls")
                + ", instances " + answer.get("instances"));
        assertThat(answer).containsEntry("state", "finished");
        int[] tour = ((List<?>) answer.get("tour")).stream().mapToInt(c -> ((Number) c).intValue()).toArray();
        assertThat(Tour.isPermutation(tour, berlin52.size())).isTrue();
        assertThat(((Number) answer.get("length")).longValue()).isEqualTo(Tour.length(berlin52, tour))
                .isLessThan(Tour.length(berlin52, IntStream.range(0, berlin52.size()).toArray()));
        List<String> instances = ((List<?>) answer.get("instances")).stream()
                .map(instance -> String.valueOf(((Map<?, ?>) instance).get("instanceId"))).toList();
        for (String kind : PolyglotSuite.KINDS) {
            assertThat(instances).as("instances that contributed").anyMatch(id -> id.startsWith(kind));
        }
    }

    private static boolean orchestratorServesSolve() throws IOException {
        Path target = InteropScenario.systemTestsDirectory().resolveSibling("orchestrator-service").resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            Path jar = files.filter(p -> p.getFileName().toString().matches("orchestrator-service-[^-]+(-SNAPSHOT)?\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no packaged orchestrator in " + target));
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                return zip.getEntry("BOOT-INF/classes/dev/switchboard/orchestrator/api/TspProcedures.class") != null;
            }
        }
    }
}
