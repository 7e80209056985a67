package dev.switchboard.benchmarks.router;

import dev.switchboard.wamp.Match;
import dev.switchboard.wamp.message.Call;
import dev.switchboard.wamp.message.CallOptions;
import dev.switchboard.wamp.message.Error;
import dev.switchboard.wamp.message.Invocation;
import dev.switchboard.wamp.message.InvocationPolicy;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.Register;
import dev.switchboard.wamp.message.RegisterOptions;
import dev.switchboard.wamp.message.Registered;
import dev.switchboard.wamp.message.Result;
import dev.switchboard.wamp.message.WampMessage;
import dev.switchboard.wamp.message.Yield;
import dev.switchboard.wamp.message.YieldOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * RPC round trips per second, closed loop: each caller keeps {@code in-flight} calls outstanding and sends the next
 * call as soon as a result arrives; each callee yields its invocation's arguments at once. Either one caller and one
 * callee of a single registration, or {@code shared-pairs} callers and callees of one shared registration with the
 * {@code roundrobin} policy.
 */
final class RpcThroughput {

    private RpcThroughput() {
    }

    static void run(LoadContext context, boolean shared) throws InterruptedException {
        int pairs = shared ? context.options().sharedPairs() : 1;
        int inFlight = context.options().inFlight();
        String procedure = LoadContext.freshUri("bench.rpc");
        double overflows = context.overflows();
        RegisterOptions registration = shared
                ? new RegisterOptions(Match.EXACT, InvocationPolicy.ROUNDROBIN, null, false, false, Map.of())
                : RegisterOptions.DEFAULT;

        List<Callee> callees = IntStream.range(0, pairs).mapToObj(i -> new Callee()).toList();
        List<ClientSession> calleeSessions = callees.stream().map(context::open).toList();
        for (ClientSession callee : calleeSessions) {
            WampMessage reply = callee.request(id -> new Register(id, registration, procedure)).join();
            if (!(reply instanceof Registered)) {
                throw new IllegalStateException("cannot register " + procedure + ": " + reply);
            }
        }
        List<Caller> callers = IntStream.range(0, pairs)
                .mapToObj(i -> new Caller(procedure, inFlight)).toList();
        List<ClientSession> callerSessions = callers.stream().map(context::open).toList();
        for (int i = 0; i < pairs; i++) {
            callers.get(i).start(callerSessions.get(i));
        }

        Thread.sleep(context.warmupMillis());
        Window window = Window.measure(context.router(),
                () -> callers.stream().mapToLong(c -> c.completed).sum(), context.durationMillis());
        callers.forEach(Caller::stop);
        boolean drained = LoadContext.await(() -> callers.stream().allMatch(c -> c.outstanding == 0), 10_000);
        List<ClientSession> all = new ArrayList<>(callerSessions);
        all.addAll(calleeSessions);
        String lost = LoadContext.lost(all);
        LoadContext.closeAll(callerSessions);
        LoadContext.closeAll(calleeSessions);

        String title = shared
                ? String.format(Locale.ROOT, "RPC, %d callers → %d callees of one shared registration (roundrobin), "
                + "%d calls in flight each", pairs, pairs, inFlight)
                : String.format(Locale.ROOT, "RPC, 1 caller → 1 callee, %d calls in flight", inFlight);
        System.out.printf(Locale.ROOT, "%s (warm-up %.1f s, measured %.1f s)%n", title,
                context.options().warmup().toMillis() / 1e3, window.seconds());
        long errors = callers.stream().mapToLong(c -> c.errors).sum();
        System.out.printf(Locale.ROOT, "  round trips/s     %,.0f   (errors %d%s%s%s)%n", window.perSecond(), errors,
                errors == 0 ? "" : ", first: " + callers.stream().map(c -> c.firstError)
                        .filter(Objects::nonNull).findFirst().orElse("?"),
                drained ? lost : ", not drained" + lost, context.overflowsSince(overflows));
        System.out.print(window.describe("round trip"));
        if (shared) {
            long total = Math.max(1, callees.stream().mapToLong(c -> c.invocations).sum());
            System.out.printf(Locale.ROOT, "  callee shares     %s%n", callees.stream()
                    .map(c -> String.format(Locale.ROOT, "%.1f%%", 100.0 * c.invocations / total))
                    .collect(Collectors.joining(" ")));
        }
        System.out.println();
        boolean failed = !drained || !lost.isEmpty() || window.operations() == 0;
        context.goals().record(Goals.Goal.RPC_CPU, shared ? "rpc " + pairs + "→" + pairs : "rpc 1→1",
                failed ? Double.NaN : window.routerMicrosPerOperation());
    }

    /** Yields each invocation's arguments back at once. */
    static final class Callee implements ClientSession.Handler {

        /** Written on the session's event loop only. */
        volatile long invocations;

        @Override
        public void onMessage(ClientSession session, WampMessage message) {
            if (message instanceof Invocation invocation) {
                session.write(new Yield(invocation.requestId(), YieldOptions.DEFAULT, invocation.payload()));
                invocations++;
            }
        }
    }

    /** Keeps {@code inFlight} calls outstanding until stopped. Counters are written on its event loop only. */
    static final class Caller implements ClientSession.Handler {

        private final String procedure;
        private final int inFlight;
        private volatile boolean running = true;
        /** Written on the session's event loop only. */
        volatile long completed;
        volatile long errors;
        volatile int outstanding;
        volatile @Nullable String firstError;

        Caller(String procedure, int inFlight) {
            this.procedure = procedure;
            this.inFlight = inFlight;
        }

        void start(ClientSession session) {
            session.execute(() -> {
                for (int i = 0; i < inFlight; i++) {
                    call(session);
                }
                session.flush();
            });
        }

        void stop() {
            running = false;
        }

        private void call(ClientSession session) {
            long id = session.nextRequestId();
            session.write(new Call(id, CallOptions.DEFAULT, procedure, Payload.of(id)));
            outstanding++;
        }

        @Override
        public void onMessage(ClientSession session, WampMessage message) {
            switch (message) {
                case Result result -> completed++;
                case Error error -> {
                    if (firstError == null) {
                        firstError = error.error();
                    }
                    errors++;
                }
                default -> {
                    return;
                }
            }
            outstanding--;
            if (running) {
                call(session);
            }
        }
    }
}
