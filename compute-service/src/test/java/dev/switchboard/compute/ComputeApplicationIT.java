package dev.switchboard.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.switchboard.tsp.Problem;
import dev.switchboard.tsp.Tour;
import dev.switchboard.tsp.anneal.NearestNeighbourTour;
import dev.switchboard.tsp.anneal.PreparedProblem;
import dev.switchboard.tsp.api.ProblemPayload;
import dev.switchboard.tsp.api.TspUris;
import dev.switchboard.tsp.tsplib.TspLibReader;
import dev.switchboard.wamp.client.CallFuture;
import dev.switchboard.wamp.client.CallResult;
import dev.switchboard.wamp.client.Registration;
import dev.switchboard.wamp.client.Subscription;
import dev.switchboard.wamp.client.WampClient;
import dev.switchboard.wamp.client.WampException;
import dev.switchboard.wamp.client.router.RouterProcess;
import dev.switchboard.wamp.message.CancelMode;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.spring.endpoint.WampEndpointRegistry;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The compute application against the real router: a test client serves {@code tsp.problem.get} with berlin52, the
 * application (in-process, on a random port) serves {@code tsp.compute.anneal} and publishes its load.
 */
class ComputeApplicationIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final String PROBLEM_ID = "berlin52";

    private static RouterProcess router;
    private static ConfigurableApplicationContext application;
    private static WampClient client;
    private static Problem berlin52;
    private static final AtomicInteger problemFetches = new AtomicInteger();

    @BeforeAll
    static void startRouterOrchestratorStandInAndApplication() throws Exception {
        try (Reader reader = new InputStreamReader(Objects.requireNonNull(
                ComputeApplicationIT.class.getResourceAsStream("/tsplib/berlin52.tsp")), StandardCharsets.UTF_8)) {
            berlin52 = TspLibReader.readProblem(reader, "berlin52.tsp");
        }
        router = RouterProcess.launch();
        client = WampClient.builder(router.webSocketUrl(), "realm1").build();
        await(client.connect());
        Registration registration = await(client.register(TspUris.PROBLEM_GET, invocation -> {
            if (!PROBLEM_ID.equals(invocation.kwargs().get("problemId"))) {
                throw new WampException("tsp.error.no_such_problem", "no problem " + invocation.kwargs());
            }
            problemFetches.incrementAndGet();
            return Payload.of(Map.of("name", berlin52.name(), "cities", ProblemPayload.of(berlin52).cities()));
        }));
        assertThat(registration).isNotNull();
        application = new SpringApplicationBuilder(ComputeApplication.class)
                .run("--server.port=0", "--switchboard.wamp.url=" + router.webSocketUrl(),
                        "--switchboard.compute.concurrency=2");
        eventually(() -> application.getBean(WampEndpointRegistry.class).allEstablished());
    }

    @AfterAll
    static void stopEverything() throws InterruptedException {
        if (application != null) {
            application.close();
        }
        if (client != null) {
            client.close();
        }
        if (router != null) {
            router.stop();
        }
    }

    @Test
    void annealsTheGivenTourForTheDurationAndReturnsABetterValidTourWithCounters() {
        int[] start = NearestNeighbourTour.build(PreparedProblem.of(berlin52), 0).toArray();
        long startLength = Tour.length(berlin52, start);

        CallResult result = await(client.call(TspUris.COMPUTE_ANNEAL, Payload.of(null, request(start, 300))));

        Map<String, Object> answer = result.kwargs();
        assertThat(result.arg(0)).isEqualTo(answer);
        int[] tour = ((List<?>) answer.get("tour")).stream().mapToInt(city -> ((Number) city).intValue()).toArray();
        assertThat(Tour.isPermutation(tour, berlin52.size())).isTrue();
        assertThat(((Number) answer.get("length")).longValue()).isEqualTo(Tour.length(berlin52, tour))
                .isLessThanOrEqualTo(startLength);
        assertThat(((Number) answer.get("proposals")).longValue()).isPositive();
        assertThat(((Number) answer.get("accepted")).longValue()).isPositive();
        assertThat(((Number) answer.get("elapsedMs")).longValue()).isBetween(280L, 2_000L);
        assertThat((String) answer.get("instanceId")).startsWith("compute-service-");
        assertThat(problemFetches).as("berlin52 is fetched once and then cached").hasValue(1);
    }

    @Test
    void aCancelledCallStopsWithin50Milliseconds() throws Exception {
        AnnealService service = application.getBean(AnnealService.class);
        await(client.call(TspUris.COMPUTE_ANNEAL, Payload.of(null, request(identity(), 1))));
        CallFuture running = client.call(TspUris.COMPUTE_ANNEAL, Payload.of(null, request(identity(), 10_000)));
        eventually(() -> service.activeCalls() == 1);
        Thread.sleep(200);

        long cancelledAt = System.nanoTime();
        assertThat(running.cancel(CancelMode.KILL)).isTrue();
        eventually(() -> service.activeCalls() == 0);
        long stopMs = (System.nanoTime() - cancelledAt) / 1_000_000;

        // 50 ms for the kernel to notice, plus the CANCEL's and INTERRUPT's trip through the router on loopback
        System.out.println("cancelled call stopped " + stopMs + " ms after the cancel");
        assertThat(stopMs).isLessThan(100);
        assertThat(running).isCancelled();
    }

    @Test
    void badArgumentsAreInvalidArguments() {
        WampException unknown = wampFailure(client.call(TspUris.COMPUTE_ANNEAL,
                Payload.of(null, Map.of("problemId", "nowhere", "tour", List.of(0, 1, 2), "t0", 1.0, "t1", 0.1,
                        "durationMs", 10, "seed", 1))));
        assertThat(unknown.error()).isEqualTo("wamp.error.invalid_argument");
        assertThat(unknown.args().getFirst().toString()).contains("unknown problem nowhere");

        Map<String, Object> shortTour = request(new int[] {0, 1, 2}, 10);
        WampException notPermutation = wampFailure(client.call(TspUris.COMPUTE_ANNEAL, Payload.of(null, shortTour)));
        assertThat(notPermutation.error()).isEqualTo("wamp.error.invalid_argument");
        assertThat(notPermutation.args().getFirst().toString()).contains("permutation of 0..51");
    }

    @Test
    void loadEventsCarryTheProposalRateAndTheActiveCalls() throws Exception {
        BlockingQueue<Map<String, Object>> loads = new LinkedBlockingQueue<>();
        Subscription subscription = await(client.subscribe(TspUris.COMPUTE_LOAD, event -> loads.add(event.kwargs())));
        try {
            await(client.call(TspUris.COMPUTE_ANNEAL, Payload.of(null, request(identity(), 300))));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            Map<String, Object> busy = null;
            while (busy == null && System.nanoTime() < deadline) {
                Map<String, Object> load = loads.poll(200, TimeUnit.MILLISECONDS);
                if (load != null) {
                    assertThat(load).containsKeys("instanceId", "kind", "cores", "activeCalls", "proposalsPerSec");
                    if (((Number) load.get("proposalsPerSec")).longValue() > 0) {
                        busy = load;
                    }
                }
            }
            assertThat(busy).as("a load event with proposalsPerSec > 0").isNotNull();
            assertThat((String) busy.get("instanceId")).startsWith("compute-service-");
            assertThat(busy).containsEntry("kind", "service");
        } finally {
            await(subscription.unsubscribe());
        }
    }

    private static Map<String, Object> request(int[] tour, long durationMs) {
        return Map.of("problemId", PROBLEM_ID, "tour", java.util.Arrays.stream(tour).boxed().toList(),
                "t0", 100.0, "t1", 1.0, "durationMs", durationMs, "seed", 11L);
    }

    private static int[] identity() {
        return java.util.stream.IntStream.range(0, berlin52.size()).toArray();
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("the future failed: " + e.getCause(), e.getCause());
        } catch (Exception e) {
            throw new AssertionError("the future did not complete within " + TIMEOUT, e);
        }
    }

    private static WampException wampFailure(Future<?> future) {
        Throwable thrown = catchThrowable(() -> future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        assertThat(thrown).isInstanceOf(ExecutionException.class);
        assertThat(thrown.getCause()).isInstanceOf(WampException.class);
        return (WampException) thrown.getCause();
    }

    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + TIMEOUT);
            }
            Thread.sleep(2);
        }
    }
}
