package dev.switchboard.benchmarks.router;

import io.netty.channel.ChannelFuture;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/** What every scenario needs: the router, the client's event loops, the options and the goals to report against. */
record LoadContext(RouterProcess router, ClientLoops loops, LoadOptions options, Goals goals) {

    static final String REALM = "realm1";

    private static final AtomicInteger URIS = new AtomicInteger();

    InetSocketAddress address() {
        return router.rawSocketAddress();
    }

    /** Opens a session on {@link #REALM} with {@code handler} and waits for its WELCOME. */
    ClientSession open(ClientSession.Handler handler) {
        return ClientSession.open(loops.bootstrap(), address(), REALM, handler).join();
    }

    /** A procedure or topic URI no earlier scenario used, such as {@code bench.rpc.3}. */
    static String freshUri(String prefix) {
        return prefix + "." + URIS.incrementAndGet();
    }

    /** Connections the router closed so far because their outbound queue was full (all transports' counters). */
    double overflows() {
        return router.metric("wamp.transport.outbound.overflows", "transport:rawsocket");
    }

    /** {@code ""}, or how many connections the router closed for a full outbound queue since {@code before}. */
    String overflowsSince(double before) {
        double overflows = overflows() - before;
        return overflows > 0
                ? String.format(Locale.ROOT, ", router outbound-queue overflows: %.0f", overflows) : "";
    }

    long warmupMillis() {
        return options.warmup().toMillis();
    }

    long durationMillis() {
        return options.duration().toMillis();
    }

    /** Polls {@code done} every 10 ms for at most {@code millis}; whether it came true. */
    static boolean await(BooleanSupplier done, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /** {@code ""}, or which of the sessions the router closed: {@code ", connections lost: 1 of 2"}. */
    static String lost(List<ClientSession> sessions) {
        List<String> closed = sessions.stream().filter(ClientSession::isClosed).map(ClientSession::toString).toList();
        return closed.isEmpty() ? "" : ", connections lost: " + closed.size() + " of " + sessions.size() + " "
                + closed;
    }

    /** Closes the sessions and waits (briefly) until their connections are closed. */
    static void closeAll(List<ClientSession> sessions) {
        List<ChannelFuture> closing = sessions.stream().map(ClientSession::close).toList();
        closing.forEach(closed -> closed.awaitUninterruptibly(5, TimeUnit.SECONDS));
    }
}
