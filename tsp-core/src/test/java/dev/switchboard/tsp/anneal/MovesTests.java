package dev.switchboard.tsp.anneal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.tsp.Problem;
import dev.switchboard.tsp.RandomProblems;
import dev.switchboard.tsp.Tour;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class MovesTests {

    @Property(tries = 300)
    void everyDeltaEqualsTheRecomputedLengthChange(@ForAll @IntRange(min = 4, max = 40) int size,
            @ForAll long instanceSeed, @ForAll long moveSeed, @ForAll boolean withMatrix) {
        Problem problem = RandomProblems.uniform(size, instanceSeed);
        PreparedProblem prepared = PreparedProblem.of(problem,
                new PreparedProblem.Options(Math.min(8, size), withMatrix ? 1000 : 0));
        Moves moves = new Moves(prepared, shuffled(size, moveSeed), MoveMix.DEFAULT);
        SplitMix64 random = new SplitMix64(moveSeed);
        for (int i = 0; i < 200; i++) {
            long before = prepared.length(moves.cities);
            int delta = moves.evaluate(random.nextLong());
            if (delta == Moves.NO_MOVE) {
                assertThat(prepared.length(moves.cities)).isEqualTo(before);
                continue;
            }
            moves.apply();
            assertThat(Tour.isPermutation(moves.cities, size)).isTrue();
            assertPositionsMatch(moves);
            assertThat(prepared.length(moves.cities) - before).as("move %d", i).isEqualTo(delta);
        }
    }

    @Property(tries = 100)
    void twoOptOnlyDeltasEqualTheRecomputedLengthChange(@ForAll @IntRange(min = 4, max = 30) int size,
            @ForAll long seed) {
        PreparedProblem prepared = PreparedProblem.of(RandomProblems.uniform(size, seed));
        Moves moves = new Moves(prepared, shuffled(size, seed), MoveMix.TWO_OPT_ONLY);
        SplitMix64 random = new SplitMix64(seed);
        for (int i = 0; i < 100; i++) {
            long before = prepared.length(moves.cities);
            int delta = moves.evaluateTwoOpt(random.nextLong());
            if (delta != Moves.NO_MOVE) {
                moves.apply();
                assertPositionsMatch(moves);
                assertThat(prepared.length(moves.cities) - before).isEqualTo(delta);
            }
        }
    }

    @Test
    void mostRandomDrawsNameAValidMove() {
        PreparedProblem prepared = PreparedProblem.of(RandomProblems.uniform(200, 1));
        Moves moves = new Moves(prepared, shuffled(200, 1), MoveMix.DEFAULT);
        SplitMix64 random = new SplitMix64(7);
        int valid = 0;
        for (int i = 0; i < 10_000; i++) {
            if (moves.evaluate(random.nextLong()) != Moves.NO_MOVE) {
                valid++;
            }
        }
        assertThat(valid).isGreaterThan(9_000);
    }

    static int[] shuffled(int size, long seed) {
        int[] order = Tour.identity(size).toArray();
        SplitMix64 random = new SplitMix64(seed);
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private static void assertPositionsMatch(Moves moves) {
        for (int position = 0; position < moves.n; position++) {
            assertThat(moves.positions[moves.cities[position]]).isEqualTo(position);
        }
    }
}
