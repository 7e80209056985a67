package dev.switchboard.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.switchboard.tsp.Problem;
import dev.switchboard.tsp.Tour;
import dev.switchboard.tsp.api.ProblemPayload;
import dev.switchboard.tsp.api.TspUris;
import dev.switchboard.tsp.tsplib.TspLibReader;
import dev.switchboard.wamp.client.CallResult;
import dev.switchboard.wamp.client.Registration;
import dev.switchboard.wamp.client.Subscription;
import dev.switchboard.wamp.client.WampClient;
import dev.switchboard.wamp.client.WampException;
import dev.switchboard.wamp.client.WampOptions;
import dev.switchboard.wamp.message.InvocationPolicy;
import dev.switchboard.wamp.message.Payload;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Compute workers in three languages on one shared registration: the router runs with the suite's realm
 * ({@code deploy/router-suite.yml}: ticket-authenticated services, anonymous browsers with the dashboard role); one
 * Java compute-service, the Python worker ({@code examples/python-worker}) and the Node.js worker
 * ({@code examples/node-worker}) register {@code tsp.compute.anneal}. This test serves {@code tsp.problem.get} with
 * berlin52, as the orchestrator does, and calls {@code tsp.compute.anneal} until every worker has answered; every
 * tour must be a permutation whose length is the exact TSPLIB length.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PolyglotWorkersIT {

    private static final String PROBLEM_ID = "tsplib:berlin52";

    private final PolyglotSuite suite = new PolyglotSuite();
    private Problem berlin52;

    @BeforeAll
    void startRouterAndWorkers() throws Exception {
        berlin52 = berlin52();
        suite.startRouter();
        await(suite.service().register(TspUris.PROBLEM_GET, invocation -> {
            if (!PROBLEM_ID.equals(invocation.kwargs().get("problemId"))) {
                throw new WampException("wamp.error.invalid_argument", "no problem " + invocation.kwargs());
            }
            Map<String, Object> problem = Map.of("name", berlin52.name(), "cities",
                    ProblemPayload.of(berlin52).cities());
            return Payload.of(List.of(problem), problem);
        }));
        suite.startWorkers();
    }

    @AfterAll
    void stopEverything() throws Exception {
        suite.close();
    }

    @Test
    void javaPythonAndNodeWorkersAllServeTheSharedRegistrationWithExactTours() {
        int[] start = IntStream.range(0, berlin52.size()).toArray();
        long startLength = Tour.length(berlin52, start);
        Map<String, Integer> callsByInstance = new TreeMap<>();
        for (int call = 0; call < 12; call++) {
            Map<String, Object> request = Map.of("problemId", PROBLEM_ID,
                    "tour", IntStream.of(start).boxed().toList(), "t0", 200.0, "t1", 1.0, "durationMs", 200,
                    "seed", 1000 + call);
            CallResult result = await(suite.service().call(TspUris.COMPUTE_ANNEAL, Payload.of(null, request)));
            Map<String, Object> answer = result.kwargs();
            assertThat(result.arg(0)).as("the result dict is args[0] too").isEqualTo(answer);
            String instance = (String) answer.get("instanceId");
            int[] tour = ((List<?>) answer.get("tour")).stream().mapToInt(c -> ((Number) c).intValue()).toArray();
            assertThat(Tour.isPermutation(tour, berlin52.size())).as("%s returned a permutation", instance).isTrue();
            assertThat(((Number) answer.get("length")).longValue()).as("%s's length is exact", instance)
                    .isEqualTo(Tour.length(berlin52, tour)).isLessThanOrEqualTo(startLength);
            assertThat(((Number) answer.get("proposals")).longValue()).as(instance)
                    .isGreaterThan(((Number) answer.get("accepted")).longValue());
            assertThat(((Number) answer.get("accepted")).longValue()).as(instance).isPositive();
            assertThat(((Number) answer.get("elapsedMs")).longValue()).as(instance).isBetween(150L, 5_000L);
            callsByInstance.merge(instance, 1, Integer::sum);
        }
        System.out.println("anneal calls by instance: " + callsByInstance);
        for (String kind : PolyglotSuite.KINDS) {
            assertThat(callsByInstance.keySet()).as("instances that answered: %s", callsByInstance)
                    .anyMatch(instance -> instance.startsWith(kind));
        }
    }

    @Test
    void everyWorkerPublishesItsLoadAsAServiceWhichABrowserMaySubscribeTo() throws Exception {
        Map<String, Map<String, Object>> loads = new ConcurrentHashMap<>();
        try (WampClient browser = suite.browser()) {
            Subscription subscription = await(browser.subscribe(TspUris.COMPUTE_LOAD,
                    event -> loads.put(String.valueOf(event.kwargs().get("instanceId")), event.kwargs())));
            suite.eventually("load events of every kind of worker", Duration.ofSeconds(10), () -> PolyglotSuite.KINDS
                    .stream().allMatch(kind -> loads.keySet().stream().anyMatch(id -> id.startsWith(kind))));
            await(subscription.unsubscribe());
        }
        assertThat(loads.values()).allSatisfy(load -> {
            assertThat(load).containsEntry("kind", "service")
                    .containsKeys("cpuProcess", "cpuSystem", "cores", "activeCalls", "proposalsPerSec", "heapUsed");
            assertThat(((Number) load.get("cores")).intValue()).isPositive();
        });
    }

    @Test
    void browsersMayDonateComputeButNotServeProblemsOrCallComputeDirectly() {
        try (WampClient browser = suite.browser()) {
            assertThat(wampError(browser.register(TspUris.PROBLEM_GET, invocation -> Payload.of())))
                    .isEqualTo("wamp.error.not_authorized");
            assertThat(wampError(browser.call(TspUris.COMPUTE_ANNEAL, Payload.of(null, Map.of()))))
                    .isEqualTo("wamp.error.not_authorized");
            Registration donor = await(browser.register(TspUris.COMPUTE_ANNEAL,
                    WampOptions.register().invoke(InvocationPolicy.ROUNDROBIN).concurrency(1).build(),
                    invocation -> Payload.of()));
            assertThat(suite.callees(TspUris.COMPUTE_ANNEAL)).isEqualTo(4);
            await(donor.unregister());
        }
    }

    static Problem berlin52() throws IOException {
        try (Reader reader = new InputStreamReader(Objects.requireNonNull(
                PolyglotWorkersIT.class.getResourceAsStream("/tsplib/berlin52.tsp")), StandardCharsets.UTF_8)) {
            return TspLibReader.readProblem(reader, "berlin52.tsp");
        }
    }

    private static <T> T await(Future<T> future) {
        return PolyglotSuite.await(future);
    }

    private static String wampError(Future<?> future) {
        Throwable thrown = catchThrowable(() -> future.get(PolyglotSuite.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        assertThat(thrown).isInstanceOf(ExecutionException.class);
        assertThat(thrown.getCause()).isInstanceOf(WampException.class);
        return ((WampException) thrown.getCause()).error();
    }
}
