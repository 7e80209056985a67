package dev.switchboard.router.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OutboundQueueTests {

    @Test
    void pollsItemsInTheOrderTheyWereOffered() {
        OutboundQueue<String> queue = new OutboundQueue<>(10);
        queue.offer("a");
        queue.offer("b");
        queue.offer("c");

        assertThat(queue.poll()).isEqualTo("a");
        assertThat(queue.poll()).isEqualTo("b");
        assertThat(queue.poll()).isEqualTo("c");
        assertThat(queue.poll()).isNull();
    }

    @Test
    void refusesAnOfferWhenCapacityItemsAreWaitingUntilOneIsPolled() {
        OutboundQueue<Integer> queue = new OutboundQueue<>(3);

        assertThat(queue.offer(1)).isTrue();
        assertThat(queue.offer(2)).isTrue();
        assertThat(queue.offer(3)).isTrue();
        assertThat(queue.offer(4)).isFalse();
        assertThat(queue.size()).isEqualTo(3);

        assertThat(queue.poll()).isEqualTo(1);
        assertThat(queue.offer(4)).isTrue();
        assertThat(queue.offer(5)).isFalse();
        assertThat(List.of(queue.poll(), queue.poll(), queue.poll())).containsExactly(2, 3, 4);
    }

    @Test
    void wrapsAroundItsRingManyTimes() {
        OutboundQueue<Integer> queue = new OutboundQueue<>(100);
        int next = 0;
        for (int round = 0; round < 1000; round++) {
            for (int i = 0; i < 70; i++) {
                assertThat(queue.offer(round * 70 + i)).isTrue();
            }
            for (int i = 0; i < 70; i++) {
                assertThat(queue.poll()).isEqualTo(next++);
            }
        }
        assertThat(queue.size()).isZero();
    }

    @Test
    void clearDropsEverythingWaiting() {
        OutboundQueue<String> queue = new OutboundQueue<>(1);
        queue.offer("a");

        queue.clear();

        assertThat(queue.size()).isZero();
        assertThat(queue.poll()).isNull();
        assertThat(queue.offer("b")).isTrue();
    }

    @Test
    void refusesACapacityBelowOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> new OutboundQueue<>(0));
    }

    @Test
    void keepsEveryProducersOrderWhileOneConsumerDrains() throws Exception {
        int producers = 4;
        int perProducer = 50_000;
        OutboundQueue<long[]> queue = new OutboundQueue<>(1024);
        ExecutorService threads = Executors.newFixedThreadPool(producers);
        try {
            CyclicBarrier start = new CyclicBarrier(producers);
            List<Future<?>> done = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                long producer = p;
                done.add(threads.submit(() -> {
                    start.await();
                    for (long i = 0; i < perProducer; i++) {
                        long[] item = {producer, i};
                        while (!queue.offer(item)) {
                            Thread.yield(); // full: let the consumer run (the machine may have 2 cores)
                        }
                    }
                    return null;
                }));
            }

            long[] next = new long[producers];
            long received = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (received < (long) producers * perProducer) {
                long[] item = queue.poll();
                if (item == null) {
                    assertThat(System.nanoTime()).as("drained in time").isLessThan(deadline);
                    Thread.yield();
                    continue;
                }
                assertThat(item[1]).as("next item of producer %d", item[0]).isEqualTo(next[(int) item[0]]);
                next[(int) item[0]]++;
                received++;
            }
            for (Future<?> future : done) {
                future.get();
            }
            assertThat(queue.poll()).isNull();
        } finally {
            threads.shutdownNow();
        }
    }
}
