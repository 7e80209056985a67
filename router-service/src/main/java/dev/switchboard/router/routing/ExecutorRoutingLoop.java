package dev.switchboard.router.routing;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A routing loop on one dedicated platform thread. A task that throws is logged and does not stop the loop.
 */
public final class ExecutorRoutingLoop implements RoutingLoop, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ExecutorRoutingLoop.class);

    private final ScheduledThreadPoolExecutor executor;

    public ExecutorRoutingLoop(String name) {
        executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
    }

    @Override
    public void execute(Runnable task) {
        executor.execute(() -> runSafely(task));
    }

    @Override
    public Timer schedule(Duration delay, Runnable task) {
        ScheduledFuture<?> future = executor.schedule(() -> runSafely(task), delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    private static void runSafely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.error("Routing task failed; the realm carries on", e);
        }
    }

    @Override
    public int backlog() {
        return executor.getQueue().size();
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
