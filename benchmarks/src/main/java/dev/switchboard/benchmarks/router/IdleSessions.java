package dev.switchboard.benchmarks.router;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The router's heap per idle session: the heap in use after a full GC before and after opening {@code sessions}
 * RawSocket sessions (handshake, HELLO, WELCOME; then nothing but the router's pings), divided by the sessions
 * opened. Each session takes one file descriptor in this process and one in the router, so the count is capped by
 * both processes' open-file limits ({@code ulimit -n}), leaving a margin. The heap is measured once more after the
 * sessions closed, which shows whether the router keeps anything of them.
 */
final class IdleSessions {

    /** File descriptors left for everything else (jars, epoll, pipes, JMX) in either process. */
    private static final long FD_MARGIN = 256;
    /** Handshakes under way at once, well below the listen backlog. */
    private static final int CONCURRENT_OPENS = 256;

    private IdleSessions() {
    }

    static void run(LoadContext context) throws InterruptedException {
        RouterProcess router = context.router();
        long self = ProcessHandle.current().pid();
        long clientLimit = ProcFs.openFileLimit(self);
        long routerLimit = ProcFs.openFileLimit(router.pid());
        long clientRoom = clientLimit < 0 ? Long.MAX_VALUE : clientLimit - ProcFs.openFiles(self) - FD_MARGIN;
        long routerRoom = routerLimit < 0 ? Long.MAX_VALUE : routerLimit - ProcFs.openFiles(router.pid()) - FD_MARGIN;
        int wanted = context.options().sessions();
        int count = (int) Math.max(0, Math.min(wanted, Math.min(clientRoom, routerRoom)));

        System.out.printf(Locale.ROOT, "Idle sessions: %,d of %,d wanted (open-file limit: client %s, router %s)%n",
                count, wanted, limit(clientLimit), limit(routerLimit));
        if (count < wanted) {
            System.out.printf(Locale.ROOT, "  fewer sessions than wanted: raise the limit (ulimit -n %d) in the shell "
                    + "that starts this tool%n", wanted + 2 * FD_MARGIN);
        }
        if (count == 0) {
            System.out.println();
            return;
        }
        double sessionsBefore = router.metric("wamp.sessions", "realm:" + LoadContext.REALM);
        long heapBefore = router.heapUsedAfterGc();
        long rssBefore = ProcFs.residentBytes(router.pid());

        List<ClientSession> sessions = Collections.synchronizedList(new ArrayList<>(count));
        AtomicInteger failures = new AtomicInteger();
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        Semaphore opening = new Semaphore(CONCURRENT_OPENS);
        long cpuBefore = router.cpuNanos();
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            opening.acquire();
            ClientSession.open(context.loops().bootstrap(), context.address(), LoadContext.REALM, ClientSession.IDLE)
                    .whenComplete((session, failure) -> {
                        if (failure == null) {
                            sessions.add(session);
                        } else {
                            failures.incrementAndGet();
                            firstFailure.compareAndSet(null, failure);
                        }
                        opening.release();
                    });
        }
        opening.acquire(CONCURRENT_OPENS);
        double openSeconds = (System.nanoTime() - started) / 1e9;
        long openCpu = router.cpuNanos() - cpuBefore;
        int open = sessions.size();

        Thread.sleep(1_000); // let the realm loop and the meta API finish the joins
        double sessionsJoined = router.metric("wamp.sessions", "realm:" + LoadContext.REALM) - sessionsBefore;
        long heapOpen = router.heapUsedAfterGc();
        long rssOpen = ProcFs.residentBytes(router.pid());

        LoadContext.closeAll(sessions);
        LoadContext.await(() -> router.metric("wamp.sessions", "realm:" + LoadContext.REALM) <= sessionsBefore,
                30_000);
        long heapClosed = router.heapUsedAfterGc();

        System.out.printf(Locale.ROOT, "  opened            %,d sessions in %.1f s (%,.0f/s), %d failed%s; "
                        + "router counts %,.0f joined; router CPU %.0f µs per session opened%n",
                open, openSeconds, open / openSeconds, failures.get(),
                firstFailure.get() == null ? "" : " (first: " + firstFailure.get() + ")",
                sessionsJoined, openCpu / 1e3 / Math.max(1, open));
        if (heapBefore < 0) {
            System.out.println("  heap              unknown (no JMX connection to the router)");
        } else {
            double perSession = (heapOpen - heapBefore) / 1024.0 / Math.max(1, open);
            System.out.printf(Locale.ROOT, "  heap after GC     %.1f MiB before, %.1f MiB with the sessions open, "
                    + "%.1f MiB after they closed%n", mib(heapBefore), mib(heapOpen), mib(heapClosed));
            System.out.printf(Locale.ROOT, "  heap per session  %.2f KiB%n", perSession);
            context.goals().record(Goals.Goal.SESSION_HEAP, String.format(Locale.ROOT, "%,d sessions", open),
                    perSession);
        }
        if (rssBefore > 0 && rssOpen > 0) {
            System.out.printf(Locale.ROOT, "  router RSS        +%.1f MiB = %.1f KiB per session (heap pages touched, "
                    + "direct buffers, native)%n", mib(rssOpen - rssBefore),
                    (rssOpen - rssBefore) / 1024.0 / Math.max(1, open));
        }
        System.out.println();
    }

    private static String limit(long limit) {
        return limit < 0 ? "unlimited/unknown" : String.format(Locale.ROOT, "%,d", limit);
    }

    private static double mib(long bytes) {
        return bytes / 1024.0 / 1024.0;
    }
}
