package dev.switchboard.wamp.client.internal;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Runs tasks one at a time, in the order given, on another executor, holding at most {@code capacity} waiting tasks.
 * {@link #offer} never blocks: it refuses a task when full. Used for a subscription's events and a call's progressive
 * results, which must keep their order without holding up the transport.
 */
final class SerialExecutor {

    private static final Log log = LogFactory.getLog(SerialExecutor.class);

    private final Executor target;
    private final int capacity;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();

    SerialExecutor(Executor target, int capacity) {
        this.target = target;
        this.capacity = capacity;
    }

    /** Queues {@code task}; false when {@code capacity} tasks wait already (the task is not run). */
    boolean offer(Runnable task) {
        if (waiting.incrementAndGet() > capacity) {
            waiting.decrementAndGet();
            return false;
        }
        tasks.add(task);
        if (draining.compareAndSet(false, true)) {
            try {
                target.execute(this::drain);
            } catch (RejectedExecutionException rejected) {
                draining.set(false); // the task waits; the next offer tries the executor again
                log.warn("The executor refused to run queued tasks; they wait for the next one", rejected);
            }
        }
        return true;
    }

    private void drain() {
        while (true) {
            Runnable task;
            while ((task = tasks.poll()) != null) {
                waiting.decrementAndGet();
                task.run();
            }
            draining.set(false);
            // a task offered after the last poll but before the flag was cleared would otherwise wait forever
            if (tasks.isEmpty() || !draining.compareAndSet(false, true)) {
                return;
            }
        }
    }
}
