package dev.switchboard.benchmarks.tsp;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How busy the machine was over a part of the benchmark, and with what: the CPU time of the suite's processes (by
 * role) and of this JVM, and of the whole machine from {@code /proc/stat}; what is left is other people's work. Also
 * the load average ({@code /proc/loadavg}), sampled every few seconds on a daemon thread.
 */
final class MachineLoad {

    /** CPU time so far: the machine's busy time and each role's, in nanoseconds. */
    record Snapshot(long nanoTime, long machineBusyNanos, Map<String, Long> roles) {
    }

    private final List<double[]> loadSamples = new ArrayList<>();

    private MachineLoad() {
    }

    /** Starts sampling the 1-minute load average every 5 s. */
    static MachineLoad sampling() {
        MachineLoad load = new MachineLoad();
        Thread sampler = new Thread(() -> {
            while (true) {
                double[] now = loadAverage();
                if (now.length > 0) {
                    synchronized (load.loadSamples) {
                        load.loadSamples.add(new double[] {System.nanoTime(), now[0]});
                    }
                }
                try {
                    Thread.sleep(5_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "suite-benchmark-load");
        sampler.setDaemon(true);
        sampler.start();
        return load;
    }

    Snapshot snapshot(List<ServiceProcess> services) {
        Map<String, Long> roles = new LinkedHashMap<>();
        for (ServiceProcess service : services) {
            String role = service.name().startsWith("compute") ? "computes" : service.name();
            roles.merge(role, Math.max(0, service.cpuNanos()), Long::sum);
        }
        roles.put("benchmark client", ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos)
                .orElse(0L));
        return new Snapshot(System.nanoTime(), machineBusyNanos(), roles);
    }

    /** The CPU seconds {@code role} used between two snapshots. */
    static double cpuSeconds(Snapshot from, Snapshot to, String role) {
        return (to.roles().getOrDefault(role, 0L) - from.roles().getOrDefault(role, 0L)) / 1e9;
    }

    /**
     * One line on the window between two snapshots: cores busy on the machine, by the suite (by role) and by other
     * processes, and the 1-minute load average over the window.
     */
    String describe(Snapshot from, Snapshot to) {
        double seconds = (to.nanoTime() - from.nanoTime()) / 1e9;
        if (seconds <= 0) {
            return "(no time)";
        }
        double machine = (to.machineBusyNanos() - from.machineBusyNanos()) / 1e9 / seconds;
        double suite = 0;
        StringBuilder roles = new StringBuilder();
        for (Map.Entry<String, Long> role : to.roles().entrySet()) {
            double cores = (role.getValue() - from.roles().getOrDefault(role.getKey(), 0L)) / 1e9 / seconds;
            suite += cores;
            roles.append(roles.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%s %.2f", role.getKey(),
                    cores));
        }
        double others = Math.max(0, machine - suite);
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "machine busy %.2f of %d cores over %.0f s: suite %.2f (%s), other processes %.2f", machine,
                Runtime.getRuntime().availableProcessors(), seconds, suite, roles, others));
        double min = Double.MAX_VALUE;
        double max = 0;
        double sum = 0;
        int count = 0;
        synchronized (loadSamples) {
            for (double[] sample : loadSamples) {
                if (sample[0] >= from.nanoTime() && sample[0] <= to.nanoTime()) {
                    min = Math.min(min, sample[1]);
                    max = Math.max(max, sample[1]);
                    sum += sample[1];
                    count++;
                }
            }
        }
        if (count > 0) {
            text.append(String.format(Locale.ROOT, "; load average (1 min, incl. the suite) %.2f–%.2f, mean %.2f",
                    min, max, sum / count));
        }
        return text.toString();
    }

    /** {@code /proc/loadavg}'s 1, 5 and 15 minute figures, or nothing off Linux. */
    static double[] loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return new double[] {Double.parseDouble(fields[0]), Double.parseDouble(fields[1]),
                Double.parseDouble(fields[2])};
        } catch (IOException | RuntimeException e) {
            double average = ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage();
            return average < 0 ? new double[0] : new double[] {average, average, average};
        }
    }

    /** The machine's busy CPU time (user, nice, system, irq, softirq, steal; USER_HZ 100), or 0 off Linux. */
    private static long machineBusyNanos() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/stat"))) {
                if (line.startsWith("cpu ")) {
                    String[] f = line.trim().split("\\s+");
                    long jiffies = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3])
                            + Long.parseLong(f[6]) + Long.parseLong(f[7]) + Long.parseLong(f[8]);
                    return jiffies * 10_000_000L;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return 0;
    }
}
