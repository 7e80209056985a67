package dev.switchboard.wamp.client.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;

/**
 * The threads every client shares: virtual threads for completing futures, calling listeners and writing on behalf
 * of the transport, and one daemon timer thread for backoff, connect timeouts and pings (its tasks never block).
 */
final class ClientThreads {

    private static final ThreadFactory VIRTUAL = Thread.ofVirtual().name("wamp-client-", 0).factory();

    /** Runs each task on a new virtual thread. */
    static final Executor CALLBACKS = task -> VIRTUAL.newThread(task).start();

    static final ScheduledThreadPoolExecutor TIMER = timer();

    private ClientThreads() {
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "wamp-client-timer");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
