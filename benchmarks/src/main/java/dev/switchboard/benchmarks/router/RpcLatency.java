package dev.switchboard.benchmarks.router;

import dev.switchboard.wamp.message.Call;
import dev.switchboard.wamp.message.CallOptions;
import dev.switchboard.wamp.message.Error;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.Register;
import dev.switchboard.wamp.message.RegisterOptions;
import dev.switchboard.wamp.message.Registered;
import dev.switchboard.wamp.message.Result;
import dev.switchboard.wamp.message.WampMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * RPC latency at a fixed call rate, open loop: call {@code i} is due at {@code start + i / rate}, whatever happened to
 * the calls before it, and its latency runs from that due time (not from when it was actually sent) to its result, so
 * a stall of the router counts for every call it delays (no coordinated omission). The caller's event loop sleeps on
 * its timer until each due time and then sends the calls due; how late it woke is reported as the pacing lag, which
 * the latencies include, and the latencies from the actual send are reported too. Percentiles are nearest-rank over
 * the sorted latencies of the calls due in the timed phase.
 */
final class RpcLatency {

    private RpcLatency() {
    }

    static void run(LoadContext context) throws InterruptedException {
        int rate = context.options().rate();
        long interval = 1_000_000_000L / rate;
        int warmupCalls = (int) (context.warmupMillis() * rate / 1000);
        int measuredCalls = (int) (context.durationMillis() * rate / 1000);
        int total = warmupCalls + measuredCalls;
        String procedure = LoadContext.freshUri("bench.latency");
        double overflows = context.overflows();

        ClientSession callee = context.open(new RpcThroughput.Callee());
        WampMessage reply = callee.request(id -> new Register(id, RegisterOptions.DEFAULT, procedure)).join();
        if (!(reply instanceof Registered)) {
            throw new IllegalStateException("cannot register " + procedure + ": " + reply);
        }
        Caller caller = new Caller(total);
        ClientSession session = context.open(caller);

        long start = System.nanoTime() + 50_000_000L;
        caller.start = start;
        caller.interval = interval;
        session.execute(() -> caller.pace(session, procedure));
        LockSupport.parkNanos(start + warmupCalls * interval - System.nanoTime());
        Window window = Window.measure(context.router(), () -> caller.answered, measuredCalls * interval / 1_000_000);
        LoadContext.await(() -> caller.paced == total, 5_000);
        boolean drained = LoadContext.await(() -> caller.answered + caller.errors == total, 10_000);
        String lost = LoadContext.lost(List.of(session, callee));
        LoadContext.closeAll(List.of(session, callee));

        long[] measured = Arrays.stream(caller.latencies, warmupCalls, total).filter(l -> l >= 0).sorted().toArray();
        long[] lags = Arrays.stream(caller.lags, warmupCalls, total).sorted().toArray();
        long[] fromSend = IntStream.range(warmupCalls, total).filter(i -> caller.latencies[i] >= 0)
                .mapToLong(i -> caller.latencies[i] - caller.lags[i]).sorted().toArray();
        System.out.printf(Locale.ROOT, "RPC latency, 1 caller → 1 callee at %,d calls/s, open loop "
                + "(warm-up %.1f s, measured %.1f s)%n", rate, context.warmupMillis() / 1e3, window.seconds());
        System.out.printf(Locale.ROOT, "  calls/s           %,.0f answered   (errors %d%s, unanswered %d%s%s)%n",
                window.perSecond(), caller.errors, caller.firstError == null ? "" : ", first: " + caller.firstError,
                measuredCalls - measured.length, (drained ? "" : ", not drained") + lost,
                context.overflowsSince(overflows));
        System.out.printf(Locale.ROOT, "  latency ms        %s%n", percentiles(measured));
        System.out.printf(Locale.ROOT, "  pacing lag ms     p50 %.3f · p99 %.3f · max %.3f (client timer; included "
                + "above)%n", millis(lags, 0.50), millis(lags, 0.99), millis(lags, 1.0));
        System.out.printf(Locale.ROOT, "  from send ms      %s%n", percentiles(fromSend));
        System.out.print(window.describe("call"));
        System.out.println();
        boolean complete = measured.length == measuredCalls;
        context.goals().record(Goals.Goal.LATENCY_P99, "latency @" + rate + "/s",
                complete ? millis(measured, 0.99) : Double.NaN);
    }

    private static String percentiles(long[] sorted) {
        return String.format(Locale.ROOT, "p50 %.3f · p90 %.3f · p99 %.3f · p99.9 %.3f · max %.3f",
                millis(sorted, 0.50), millis(sorted, 0.90), millis(sorted, 0.99), millis(sorted, 0.999),
                millis(sorted, 1.0));
    }

    /** The {@code quantile} of sorted nanoseconds, in milliseconds (nearest rank). */
    static double millis(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)] / 1e6;
    }

    /** Records each call's latency from its due time; call {@code i} has request id {@code i + 1}. */
    private static final class Caller implements ClientSession.Handler {

        final long[] latencies;
        final long[] lags;
        volatile long start;
        volatile long interval;
        /** Written on the session's event loop only. */
        volatile long answered;
        volatile int paced;
        volatile long errors;
        volatile @Nullable String firstError;

        Caller(int calls) {
            latencies = new long[calls];
            lags = new long[calls];
            Arrays.fill(latencies, -1);
        }

        /**
         * Sends the calls due by now, then sleeps on the event loop's timer (epoll: a timerfd, precise to the
         * microsecond) until the next one is due. Event loop.
         */
        void pace(ClientSession session, String procedure) {
            long now = System.nanoTime();
            int next = paced;
            int total = latencies.length;
            while (next < total && start + next * interval <= now) {
                lags[next] = now - (start + next * interval);
                session.write(new Call(next + 1, CallOptions.DEFAULT, procedure, Payload.of((long) next)));
                next++;
            }
            if (next > paced) {
                paced = next;
                session.flush();
            }
            if (next < total) {
                session.eventLoop().schedule(() -> pace(session, procedure), start + next * interval - now,
                        TimeUnit.NANOSECONDS);
            }
        }

        @Override
        public void onMessage(ClientSession session, WampMessage message) {
            long now = System.nanoTime();
            switch (message) {
                case Result result -> {
                    int i = (int) result.requestId() - 1;
                    latencies[i] = now - (start + i * interval);
                    answered++;
                }
                case Error error -> {
                    if (firstError == null) {
                        firstError = error.error() + " " + error.payload() + " (request " + error.requestId() + ")";
                    }
                    errors++;
                }
                default -> { }
            }
        }
    }
}
