package dev.switchboard.router.routing;

import java.time.Duration;

/**
 * The single thread of control of one realm: every change of its broker and dealer state, and every timeout, runs
 * here, one task at a time, in submission order. Tests use a synchronous implementation with a manual clock.
 */
public interface RoutingLoop {

    /** Runs {@code task} on the loop after the tasks submitted before it. */
    void execute(Runnable task);

    /** Tasks and timers waiting, for metrics; 0 where unknown. */
    default int backlog() {
        return 0;
    }

    /** Runs {@code task} on the loop after {@code delay}, unless cancelled first. */
    Timer schedule(Duration delay, Runnable task);

    /** A scheduled task that may still be cancelled. */
    @FunctionalInterface
    interface Timer {
        /** Prevents the task from running if it has not yet; safe to call more than once. */
        void cancel();
    }
}
