package dev.switchboard.tsp.anneal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.switchboard.tsp.BruteForce;
import dev.switchboard.tsp.City;
import dev.switchboard.tsp.Problem;
import dev.switchboard.tsp.RandomProblems;
import dev.switchboard.tsp.TestInstances;
import dev.switchboard.tsp.Tour;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnnealerTests {

    private static final PreparedProblem KRO_A100 = PreparedProblem.of(TestInstances.problem("kroA100"));

    @ParameterizedTest
    @ValueSource(ints = {4, 5, 6, 7, 8, 9})
    void findsTheOptimumOfSmallInstances(int size) {
        for (long seed = 1; seed <= 10; seed++) {
            Problem problem = RandomProblems.uniform(size, seed * 31 + size);
            PreparedProblem prepared = PreparedProblem.of(problem);

            AnnealOutcome outcome = anneal(prepared, MovesTests.shuffled(size, seed), Budget.ofProposals(20_000), seed);

            assertThat(outcome.length()).as("seed %d", seed).isEqualTo(BruteForce.optimalLength(problem));
        }
    }

    @Test
    void returnsAPermutationWhoseLengthIsTheReportedLength() {
        AnnealOutcome outcome = anneal(KRO_A100, Tour.identity(100).toArray(), Budget.ofProposals(1_000_000), 3);

        assertThat(Tour.isPermutation(outcome.tour().toArray(), 100)).isTrue();
        assertThat(outcome.length()).isEqualTo(outcome.tour().length(KRO_A100.problem()));
        assertThat(outcome.length()).isLessThan(outcome.startLength());
        assertThat(outcome.startLength()).isEqualTo(KRO_A100.length(Tour.identity(100)));
        assertThat(outcome.proposals()).isEqualTo(1_000_000);
        assertThat(outcome.accepted()).isPositive().isLessThan(outcome.proposals());
        assertThat(outcome.cancelled()).isFalse();
    }

    @Test
    void theSameSeedGivesTheSameResult() {
        int[] start = NearestNeighbourTour.build(KRO_A100, 0).toArray();

        AnnealOutcome first = anneal(KRO_A100, start, Budget.ofProposals(300_000), 42);
        AnnealOutcome second = anneal(KRO_A100, start, Budget.ofProposals(300_000), 42);
        AnnealOutcome other = anneal(KRO_A100, start, Budget.ofProposals(300_000), 43);

        assertThat(second.tour()).isEqualTo(first.tour());
        assertThat(second.accepted()).isEqualTo(first.accepted());
        assertThat(other.tour()).isNotEqualTo(first.tour());
    }

    @Test
    void returnsTheBestTourSeenNotTheLast() {
        Tour optimal = TestInstances.optimalTour("kroA100");

        AnnealOutcome hot = new Annealer(KRO_A100).anneal(optimal, Schedule.constant(2_000),
                Budget.ofProposals(100_000), 1, () -> false);

        assertThat(hot.accepted()).isGreaterThan(10_000);
        assertThat(hot.length()).isEqualTo(21282);
    }

    @Test
    void reachesNearTheOptimumOfKroA100() {
        int[] start = NearestNeighbourTour.build(KRO_A100, 0).toArray();

        AnnealOutcome outcome = anneal(KRO_A100, start, Budget.ofProposals(10_000_000), 5);

        assertThat(outcome.length()).isLessThanOrEqualTo(21282 * 101 / 100);
    }

    @Test
    void honoursATimeBudget() {
        int[] start = Tour.identity(100).toArray();
        anneal(KRO_A100, start, Budget.ofMillis(50), 1);

        AnnealOutcome outcome = anneal(KRO_A100, start, Budget.ofMillis(200), 1);

        assertThat(outcome.elapsedNanos()).isBetween(200_000_000L, 250_000_000L);
        assertThat(outcome.proposals()).isPositive();
    }

    @Test
    void stopsSoonAfterItIsCancelled() throws Exception {
        PreparedProblem large = PreparedProblem.of(RandomProblems.uniform(5_000, 9));
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicLong cancelledAt = new AtomicLong();
        CompletableFuture<AnnealOutcome> call = CompletableFuture.supplyAsync(() -> new Annealer(large)
                .anneal(Tour.identity(5_000), Schedule.suggested(large), Budget.ofMillis(10_000), 1, cancelled::get));

        Thread.sleep(200);
        cancelledAt.set(System.nanoTime());
        cancelled.set(true);
        AnnealOutcome outcome = call.get(5, TimeUnit.SECONDS);
        long stopNanos = System.nanoTime() - cancelledAt.get();

        assertThat(outcome.cancelled()).isTrue();
        assertThat(stopNanos).isLessThan(50_000_000L);
        assertThat(outcome.length()).isLessThan(outcome.startLength());
    }

    @Test
    void returnsTheStartTourWhenThereIsNothingToDo() {
        int[] start = NearestNeighbourTour.build(KRO_A100, 0).toArray();

        AnnealOutcome cancelled = new Annealer(KRO_A100).anneal(start, Schedule.constant(10),
                Budget.ofMillis(1_000), 1, () -> true);
        AnnealOutcome noBudget = anneal(KRO_A100, start, Budget.ofProposals(0), 1);

        assertThat(cancelled.tour().toArray()).containsExactly(start);
        assertThat(cancelled.cancelled()).isTrue();
        assertThat(cancelled.proposals()).isZero();
        assertThat(noBudget.tour().toArray()).containsExactly(start);
    }

    @Test
    void leavesProblemsOfUpToThreeCitiesAsTheyAre() {
        Problem three = new Problem("three", List.of(new City(0, 0), new City(1, 0), new City(0, 1)));

        AnnealOutcome outcome = anneal(PreparedProblem.of(three), new int[] {2, 0, 1}, Budget.ofProposals(1000), 1);

        assertThat(outcome.tour().toArray()).containsExactly(2, 0, 1);
        assertThat(outcome.length()).isEqualTo(1 + 1 + 1);
    }

    @Test
    void doesNotChangeTheCallersStartTour() {
        int[] start = Tour.identity(100).toArray();

        anneal(KRO_A100, start, Budget.ofProposals(10_000), 1);

        assertThat(start).containsExactly(Tour.identity(100).toArray());
    }

    @Test
    void rejectsAStartTourThatIsNotAPermutation() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> anneal(KRO_A100, new int[] {0, 1, 2}, Budget.ofProposals(10), 1))
                .withMessageContaining("needs 100 entries");
    }

    private static AnnealOutcome anneal(PreparedProblem problem, int[] start, Budget budget, long seed) {
        return new Annealer(problem).anneal(start, Schedule.suggested(problem), budget, seed, () -> false);
    }
}
