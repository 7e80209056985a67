package dev.switchboard.wamp.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SerialExecutorTests {

    private static final Executor THREADS = task -> Thread.ofVirtual().start(task);

    @Test
    void runsTasksOneAtATimeInTheOrderOffered() throws InterruptedException {
        SerialExecutor serial = new SerialExecutor(THREADS, Integer.MAX_VALUE);
        List<Integer> order = new CopyOnWriteArrayList<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(1000);

        for (int i = 0; i < 1000; i++) {
            int number = i;
            serial.offer(() -> {
                if (running.incrementAndGet() > 1) {
                    overlaps.incrementAndGet();
                }
                order.add(number);
                running.decrementAndGet();
                done.countDown();
            });
        }

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(overlaps).hasValue(0);
        assertThat(order).isSorted().hasSize(1000);
    }

    @Test
    void refusesTasksBeyondItsCapacityWhileTheFirstRuns() throws InterruptedException {
        SerialExecutor serial = new SerialExecutor(THREADS, 2);
        CountDownLatch blocking = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        serial.offer(() -> {
            started.countDown();
            try {
                blocking.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(serial.offer(() -> { })).isTrue();
        assertThat(serial.offer(() -> { })).isTrue();
        assertThat(serial.offer(() -> { })).isFalse();
        blocking.countDown();
    }

    @Test
    void keepsGoingWhenTasksArriveWhileItDrains() throws InterruptedException {
        SerialExecutor serial = new SerialExecutor(THREADS, Integer.MAX_VALUE);
        CountDownLatch done = new CountDownLatch(10_000);
        Thread[] producers = new Thread[4];
        for (int p = 0; p < producers.length; p++) {
            producers[p] = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 2_500; i++) {
                    serial.offer(done::countDown);
                }
            });
        }
        for (Thread producer : producers) {
            producer.join();
        }

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void taskRefusedByTheExecutorWaitsForTheNextOffer() throws InterruptedException {
        AtomicInteger refusals = new AtomicInteger(1);
        SerialExecutor serial = new SerialExecutor(task -> {
            if (refusals.getAndDecrement() > 0) {
                throw new RejectedExecutionException("full");
            }
            THREADS.execute(task);
        }, 10);
        List<Integer> order = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(2);

        serial.offer(() -> { order.add(1); done.countDown(); });
        serial.offer(() -> { order.add(2); done.countDown(); });

        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(order).containsExactly(1, 2);
    }
}
