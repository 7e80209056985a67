package dev.switchboard.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.tsp.Problem;
import dev.switchboard.tsp.RandomProblems;
import dev.switchboard.tsp.Tour;
import dev.switchboard.tsp.api.AnnealRequest;
import dev.switchboard.tsp.api.AnnealResult;
import dev.switchboard.tsp.api.ProblemPayload;
import dev.switchboard.wamp.client.WampException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AnnealServiceTests {

    private static final Problem PROBLEM = RandomProblems.uniform(200, 7);

    private final Map<String, AtomicInteger> fetches = new ConcurrentHashMap<>();
    private final ProblemSource source = problemId -> {
        fetches.computeIfAbsent(problemId, id -> new AtomicInteger()).incrementAndGet();
        if (!problemId.startsWith("p")) {
            throw new ProblemSource.UnknownProblemException("unknown problem " + problemId);
        }
        sleep(50);
        return ProblemPayload.of(PROBLEM);
    };
    private final ProblemCache cache = new ProblemCache(source, 2);
    private final AnnealService service = new AnnealService(cache, () -> "compute-test", 10_000);
    private final ExecutorService pool = Executors.newFixedThreadPool(8);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void annealsForTheDurationAndReturnsAShorterValidTourWithCounters() {
        List<Integer> start = identity(PROBLEM.cities().size());
        long startLength = Tour.length(PROBLEM, toArray(start));

        long began = System.nanoTime();
        AnnealResult result = service.anneal(new AnnealRequest("p1", start, 50, 1, 300, 42), () -> false);
        long tookMs = (System.nanoTime() - began) / 1_000_000;

        assertThat(Tour.isPermutation(result.tourArray(), PROBLEM.cities().size())).isTrue();
        assertThat(result.length()).isEqualTo(Tour.length(PROBLEM, result.tourArray())).isLessThan(startLength);
        assertThat(result.proposals()).isPositive();
        assertThat(result.accepted()).isPositive();
        assertThat(result.elapsedMs()).isBetween(290L, 1_000L);
        assertThat(result.instanceId()).isEqualTo("compute-test");
        assertThat(tookMs).isGreaterThanOrEqualTo(290);
        assertThat(service.activeCalls()).isZero();
        assertThat(service.proposalsPerSec()).isPositive();
        assertThat(service.totalProposals()).isEqualTo(result.proposals());
    }

    @Test
    void parsesTheWireFormAndRejectsBadArguments() {
        Map<String, Object> good = new HashMap<>(Map.of("problemId", "p1", "tour", List.of(0L, 1L, 2L),
                "t0", 10.0, "t1", 1L, "durationMs", 300L, "seed", 5L));
        AnnealRequest request = AnnealService.parse(good);
        assertThat(request).isEqualTo(new AnnealRequest("p1", List.of(0, 1, 2), 10, 1, 300, 5));

        assertInvalid(with(good, "problemId", null), "problemId");
        assertInvalid(with(good, "tour", "0,1,2"), "tour");
        assertInvalid(with(good, "tour", List.of(0, 1.5, 2)), "integer");
        assertInvalid(with(good, "t0", -1.0), "temperatures");
        assertInvalid(with(good, "t1", Double.NaN), "temperatures");
        assertInvalid(with(good, "t0", "hot"), "t0");
        assertInvalid(with(good, "durationMs", -5L), "durationMs");
        assertInvalid(with(good, "durationMs", null), "durationMs");
        assertThatThrownBy(() -> AnnealService.parse(Map.of()))
                .isInstanceOfSatisfying(WampException.class, e ->
                        assertThat(e.error()).isEqualTo("wamp.error.invalid_argument"));
    }

    @Test
    void rejectsUnknownProblemsToursThatAreNotPermutationsAndTooLongDurations() {
        int n = PROBLEM.cities().size();
        assertInvalid(() -> service.anneal(new AnnealRequest("nope", identity(n), 1, 1, 10, 1), () -> false),
                "unknown problem nope");
        List<Integer> repeated = new ArrayList<>(identity(n));
        repeated.set(1, 0);
        assertInvalid(() -> service.anneal(new AnnealRequest("p1", repeated, 1, 1, 10, 1), () -> false),
                "permutation of 0.." + (n - 1));
        assertInvalid(() -> service.anneal(new AnnealRequest("p1", identity(n - 1), 1, 1, 10, 1), () -> false),
                "permutation");
        assertInvalid(() -> service.anneal(new AnnealRequest("p1", identity(n), 1, 1, 10_001, 1), () -> false),
                "at most 10000");
        assertThat(service.activeCalls()).isZero();
    }

    @Test
    void stopsWithin50MillisecondsOfACancel() throws Exception {
        AtomicBoolean cancelled = new AtomicBoolean();
        cache.get("p1");
        Future<AnnealResult> running = pool.submit(() ->
                service.anneal(new AnnealRequest("p1", identity(PROBLEM.cities().size()), 50, 1, 10_000, 3),
                        cancelled::get));
        Thread.sleep(200);
        long cancelledAt = System.nanoTime();
        cancelled.set(true);
        AnnealResult result = running.get(5, TimeUnit.SECONDS);
        long stopMs = (System.nanoTime() - cancelledAt) / 1_000_000;

        assertThat(stopMs).isLessThan(50);
        assertThat(result.elapsedMs()).isLessThan(1_000);
        assertThat(Tour.isPermutation(result.tourArray(), PROBLEM.cities().size())).isTrue();
    }

    @Test
    void concurrentFirstRequestsForOneProblemFetchItOnceAndTheCacheIsBounded() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(pool.submit(() -> {
                go.await();
                return cache.get("p1");
            }));
        }
        go.countDown();
        for (Future<?> call : calls) {
            assertThat(call.get(5, TimeUnit.SECONDS)).isNotNull();
        }
        assertThat(fetches.get("p1")).hasValue(1);

        cache.get("p2");
        cache.get("p1");
        cache.get("p3");
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.contains("p1")).isTrue();
        assertThat(cache.contains("p2")).isFalse();
        cache.get("p2");
        assertThat(fetches.get("p2")).hasValue(2);

        assertThatThrownBy(() -> cache.get("x")).isInstanceOf(ProblemSource.UnknownProblemException.class);
        assertThatThrownBy(() -> cache.get("x")).isInstanceOf(ProblemSource.UnknownProblemException.class);
        assertThat(fetches.get("x")).hasValue(2);
    }

    @Test
    void proposalRateCountsTheLastSecondOnly() throws InterruptedException {
        ProposalRate rate = new ProposalRate();
        long now = System.nanoTime();
        rate.record(now - 500_000_000L, now, 5_000);
        assertThat(rate.perSecond()).isBetween(4_000L, 5_000L);
        rate.record(now - 3_000_000_000L, now - 2_000_000_000L, 7_000);
        assertThat(rate.perSecond()).isBetween(4_000L, 5_000L);
        Thread.sleep(1_200);
        assertThat(rate.perSecond()).isZero();
    }

    private static void assertInvalid(Map<String, Object> kwargs, String message) {
        assertInvalid(() -> AnnealService.parse(kwargs), message);
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(WampException.class, e -> {
            assertThat(e.error()).isEqualTo("wamp.error.invalid_argument");
            assertThat(e.args()).singleElement().asString().contains(message);
        });
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(base);
        copy.put(key, value);
        return copy;
    }

    private static List<Integer> identity(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    private static int[] toArray(List<Integer> tour) {
        return tour.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
