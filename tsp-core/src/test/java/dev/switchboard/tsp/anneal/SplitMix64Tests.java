package dev.switchboard.tsp.anneal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SplitMix64Tests {

    @Test
    void theSameSeedGivesTheSameSequence() {
        SplitMix64 a = new SplitMix64(99);
        SplitMix64 b = new SplitMix64(99);
        for (int i = 0; i < 100; i++) {
            assertThat(a.nextLong()).isEqualTo(b.nextLong());
        }
        assertThat(new SplitMix64(1).nextLong()).isNotEqualTo(new SplitMix64(2).nextLong());
    }

    @Test
    void boundedNumbersAreInRangeAndRoughlyUniform() {
        SplitMix64 random = new SplitMix64(5);
        int[] counts = new int[10];
        for (int i = 0; i < 100_000; i++) {
            counts[random.nextInt(10)]++;
            assertThat(random.nextDouble()).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
        }
        assertThat(Arrays.stream(counts).boxed()).allSatisfy(count -> assertThat(count).isBetween(9_500, 10_500));
    }
}
