package dev.switchboard.router.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A routing loop for tests: tasks run at once on the calling thread; timers run when the test advances time. */
public final class ManualLoop implements RoutingLoop {

    private final List<Scheduled> timers = new ArrayList<>();
    private long now;

    private static final class Scheduled {
        final long due;
        final Runnable task;
        boolean cancelled;

        Scheduled(long due, Runnable task) {
            this.due = due;
            this.task = task;
        }
    }

    @Override
    public void execute(Runnable task) {
        task.run();
    }

    @Override
    public Timer schedule(Duration delay, Runnable task) {
        Scheduled scheduled = new Scheduled(now + delay.toMillis(), task);
        timers.add(scheduled);
        return () -> scheduled.cancelled = true;
    }

    /** Moves time forward, running every timer that falls due, in due order. */
    public void advance(Duration duration) {
        long until = now + duration.toMillis();
        while (true) {
            Scheduled next = timers.stream().filter(t -> !t.cancelled && t.due <= until)
                    .min(Comparator.comparingLong(t -> t.due)).orElse(null);
            if (next == null) {
                break;
            }
            timers.remove(next);
            now = next.due;
            next.task.run();
        }
        now = until;
    }

    /** Timers still waiting to run. */
    public long pendingTimers() {
        return timers.stream().filter(t -> !t.cancelled).count();
    }
}
