package dev.switchboard.wamp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class IdGeneratorTests {

    @Test
    void randomIdsStayWithinOneToTwoToTheFiftyThreeAndDoNotRepeatInPractice() {
        IdGenerator random = IdGenerator.random();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            long id = random.next();
            assertThat(IdGenerator.isValidId(id)).isTrue();
            seen.add(id);
        }
        assertThat(seen).hasSize(100_000);
    }

    @Test
    void randomIdsSpreadOverTheWholeRange() {
        IdGenerator random = IdGenerator.random();
        long above = 0;
        for (int i = 0; i < 10_000; i++) {
            if (random.next() > IdGenerator.MAX_ID / 2) {
                above++;
            }
        }
        assertThat(above).isBetween(4_500L, 5_500L);
    }

    @Test
    void sequentialIdsCountUpFromOne() {
        IdGenerator sequential = IdGenerator.sequential();
        assertThat(sequential.next()).isEqualTo(1);
        assertThat(sequential.next()).isEqualTo(2);
        assertThat(sequential.next()).isEqualTo(3);
    }

    @Test
    void sequentialIdsWrapFromTwoToTheFiftyThreeBackToOne() {
        IdGenerator sequential = IdGenerators.sequentialAfter(IdGenerator.MAX_ID - 2);
        assertThat(sequential.next()).isEqualTo(IdGenerator.MAX_ID - 1);
        assertThat(sequential.next()).isEqualTo(IdGenerator.MAX_ID);
        assertThat(sequential.next()).isEqualTo(1);
        assertThat(sequential.next()).isEqualTo(2);
    }

    @Test
    void aSequenceCannotStartOutsideTheIdRange() {
        assertThatThrownBy(() -> IdGenerators.sequentialAfter(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdGenerators.sequentialAfter(IdGenerator.MAX_ID + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void randomIdsAreDrawnFromOneToTwoToTheFiftyThreeInclusive() {
        // A source that answers with the lowest, then the highest value of the range it is asked for.
        List<long[]> asked = new ArrayList<>();
        Deque<Boolean> lowest = new ArrayDeque<>(List.of(true, false));
        RandomGenerator edges = new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException("ids must be drawn from a bounded range");
            }

            @Override
            public long nextLong(long origin, long bound) {
                asked.add(new long[] {origin, bound});
                return lowest.pop() ? origin : bound - 1;
            }
        };
        IdGenerator random = IdGenerators.random(() -> edges);
        assertThat(random.next()).isEqualTo(1);
        assertThat(random.next()).isEqualTo(IdGenerator.MAX_ID);
        assertThat(asked).allSatisfy(range -> assertThat(range).containsExactly(1, IdGenerator.MAX_ID + 1));
    }

    @Test
    void scopesAreIndependent() {
        IdGenerator a = IdGenerator.sequential();
        IdGenerator b = IdGenerator.sequential();
        a.next();
        a.next();
        assertThat(b.next()).isEqualTo(1);
    }

    @Test
    void sequentialIdsAreUniqueAcrossThreads() throws InterruptedException {
        IdGenerator sequential = IdGenerator.sequential();
        Set<Long> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        AtomicLong duplicates = new AtomicLong();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 10_000; i++) {
                    if (!seen.add(sequential.next())) {
                        duplicates.incrementAndGet();
                    }
                }
            });
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(duplicates).hasValue(0);
        assertThat(seen).hasSize(40_000);
    }

    @Test
    void idZeroAndIdsAboveTheRangeAreInvalid() {
        assertThat(IdGenerator.isValidId(0)).isFalse();
        assertThat(IdGenerator.isValidId(-1)).isFalse();
        assertThat(IdGenerator.isValidId(IdGenerator.MAX_ID)).isTrue();
        assertThat(IdGenerator.isValidId(IdGenerator.MAX_ID + 1)).isFalse();
    }
}
