package dev.switchboard.benchmarks.router;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * A timed measurement: what changed between two {@link Sample}s taken around it. Operations as the scenario counts
 * them; the router's CPU time as the OS counts it (all its threads, GC and JIT included) and per thread; the router's
 * heap allocation; this client's CPU time; and the whole machine's busy time, which shows how much the neighbours
 * took.
 */
record Window(Sample start, Sample end) {

    private static final com.sun.management.OperatingSystemMXBean CLIENT_OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** Counters at one instant. */
    record Sample(long nanos, long operations, long routerCpuNanos, long routerAllocated, long clientCpuNanos,
                  long[] machineTicks, Map<Long, ProcFs.ThreadTicks> routerThreads) {

        static Sample take(RouterProcess router, LongSupplier operations) {
            long[] machine = ProcFs.machineTicks();
            Map<Long, ProcFs.ThreadTicks> threads = ProcFs.threads(router.pid());
            long allocated = router.allocatedBytes();
            long cpu = router.cpuNanos();
            long ops = operations.getAsLong();
            return new Sample(System.nanoTime(), ops, cpu, allocated, CLIENT_OS.getProcessCpuTime(), machine,
                    threads);
        }
    }

    /** Sleeps {@code millis}, then samples: the measurement of one timed phase. */
    static Window measure(RouterProcess router, LongSupplier operations, long millis) throws InterruptedException {
        Sample start = Sample.take(router, operations);
        Thread.sleep(millis);
        return new Window(start, Sample.take(router, operations));
    }

    double seconds() {
        return (end.nanos - start.nanos) / 1e9;
    }

    long operations() {
        return end.operations - start.operations;
    }

    double perSecond() {
        return operations() / seconds();
    }

    /** Router CPU microseconds per operation. */
    double routerMicrosPerOperation() {
        return (end.routerCpuNanos - start.routerCpuNanos) / 1e3 / Math.max(1, operations());
    }

    double routerCores() {
        return (end.routerCpuNanos - start.routerCpuNanos) / 1e9 / seconds();
    }

    /** Bytes the router allocated per operation, NaN where unknown. */
    double routerBytesPerOperation() {
        return start.routerAllocated < 0 || end.routerAllocated < 0 ? Double.NaN
                : (double) (end.routerAllocated - start.routerAllocated) / Math.max(1, operations());
    }

    double clientCores() {
        return (end.clientCpuNanos - start.clientCpuNanos) / 1e9 / seconds();
    }

    /** How many cores the whole machine kept busy (router, client and everybody else). */
    double machineCores() {
        long busy = end.machineTicks[0] - start.machineTicks[0];
        long total = end.machineTicks[1] - start.machineTicks[1];
        return start.machineTicks[0] < 0 || total <= 0 ? Double.NaN
                : (double) busy / total * Runtime.getRuntime().availableProcessors();
    }

    /** The standard figures of a window, indented for the report. */
    String describe(String operation) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "  router CPU        %.2f cores = %.1f µs per %s%n", routerCores(),
                routerMicrosPerOperation(), operation));
        double bytes = routerBytesPerOperation();
        if (!Double.isNaN(bytes)) {
            text.append(String.format(Locale.ROOT, "  router allocation %.0f B per %s (%.0f MB/s)%n", bytes, operation,
                    bytes * perSecond() / 1e6));
        }
        text.append(String.format(Locale.ROOT, "  router threads    %s%n", threadBreakdown()));
        String waits = runQueueWaits();
        if (!waits.isEmpty()) {
            text.append(String.format(Locale.ROOT, "  router CPU waits  %s%n", waits));
        }
        text.append(String.format(Locale.ROOT, "  client CPU        %.2f cores; machine busy %.2f of %d cores%n",
                clientCores(), machineCores(), Runtime.getRuntime().availableProcessors()));
        return text.toString();
    }

    /** The router's CPU in cores per kind of thread, e.g. {@code event loops 1.10 (2 threads, busiest 0.60)}. */
    String threadBreakdown() {
        Map<String, List<Double>> byKind = new TreeMap<>();
        end.routerThreads.forEach((tid, now) -> {
            ProcFs.ThreadTicks before = start.routerThreads.get(tid);
            long ticks = now.ticks() - (before == null ? 0 : before.ticks());
            if (ticks > 0) {
                byKind.computeIfAbsent(kind(now.name()), k -> new ArrayList<>())
                        .add(ticks * ProcFs.TICK_NANOS / 1e9 / seconds());
            }
        });
        if (byKind.isEmpty()) {
            return end.routerThreads.isEmpty() ? "(no /proc)" : "(idle)";
        }
        List<String> parts = new ArrayList<>();
        byKind.entrySet().stream()
                .sorted((a, b) -> Double.compare(sum(b.getValue()), sum(a.getValue())))
                .forEach(e -> {
                    List<Double> cores = e.getValue();
                    parts.add(cores.size() == 1
                            ? String.format(Locale.ROOT, "%s %.2f", e.getKey(), cores.getFirst())
                            : String.format(Locale.ROOT, "%s %.2f (%d threads, busiest %.2f)", e.getKey(), sum(cores),
                                    cores.size(), cores.stream().mapToDouble(Double::doubleValue).max().orElse(0)));
                });
        return String.join(" · ", parts);
    }

    /**
     * How long the router's threads, runnable, waited for a CPU: in total per second of the window, and on average
     * per timeslice they ran (a wake-up). High figures mean the machine was contended: the router was late because
     * the CPUs were busy, not because it had work to do.
     */
    String runQueueWaits() {
        long wait = 0;
        long slices = 0;
        for (Map.Entry<Long, ProcFs.ThreadTicks> e : end.routerThreads.entrySet()) {
            ProcFs.ThreadTicks before = start.routerThreads.get(e.getKey());
            wait += e.getValue().runQueueWaitNanos() - (before == null ? 0 : before.runQueueWaitNanos());
            slices += e.getValue().timeslices() - (before == null ? 0 : before.timeslices());
        }
        return slices <= 0 ? "" : String.format(Locale.ROOT, "%.0f ms per s waiting on a run queue (%.0f µs per "
                + "wake-up, %,.0f wake-ups/s)", wait / 1e6 / seconds(), wait / 1e3 / slices, slices / seconds());
    }

    private static String kind(String thread) {
        if (thread.startsWith("reactor-")) {
            return "event loops";
        }
        if (thread.startsWith("realm-")) {
            return "realm loop";
        }
        if (thread.startsWith("GC Thread") || thread.startsWith("G1 ") || thread.equals("VM Thread")) {
            return "GC/VM";
        }
        if (thread.contains("CompilerThre")) {
            return "JIT";
        }
        return "other";
    }

    private static double sum(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).sum();
    }
}
