package dev.switchboard.benchmarks.router;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What Linux's {@code /proc} tells about a process and the machine: CPU time per thread, the machine's busy time, file
 * descriptor limits and resident memory. Every reader answers {@code -1} or nothing where {@code /proc} is missing.
 * CPU times are in clock ticks of {@value #TICK_NANOS} ns (USER_HZ is 100 on every mainstream Linux).
 */
final class ProcFs {

    static final long TICK_NANOS = 10_000_000L;

    private ProcFs() {
    }

    /**
     * One thread's name (15 characters at most, as the kernel keeps it), CPU time (user + system) in ticks, and
     * scheduler statistics: how long it waited on a run queue for a CPU while runnable, over how many timeslices.
     */
    record ThreadTicks(String name, long ticks, long runQueueWaitNanos, long timeslices) {
    }

    /** CPU time and scheduler statistics of each live thread of {@code pid}, by thread id. */
    static Map<Long, ThreadTicks> threads(long pid) {
        Map<Long, ThreadTicks> threads = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            tasks.forEach(task -> {
                String stat = read(task.resolve("stat"));
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')');
                if (open < 0 || close < open) {
                    return;
                }
                String[] fields = stat.substring(close + 2).split(" ");
                // schedstat: time on a CPU (ns), time waiting on a run queue (ns), timeslices run
                String[] sched = read(task.resolve("schedstat")).trim().split(" ");
                boolean hasSched = sched.length == 3;
                // after "pid (comm) ": state is field 3, utime field 14 and stime field 15 of the whole line
                threads.put(Long.parseLong(task.getFileName().toString()), new ThreadTicks(
                        stat.substring(open + 1, close), Long.parseLong(fields[11]) + Long.parseLong(fields[12]),
                        hasSched ? Long.parseLong(sched[1]) : 0, hasSched ? Long.parseLong(sched[2]) : 0));
            });
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return threads;
    }

    /** The machine's busy and total CPU ticks (all cores), from the first line of {@code /proc/stat}. */
    static long[] machineTicks() {
        String[] fields = read(Path.of("/proc/stat")).lines().findFirst().orElse("").trim().split("\\s+");
        if (fields.length < 8 || !fields[0].equals("cpu")) {
            return new long[] {-1, -1};
        }
        long total = 0;
        for (int i = 1; i < Math.min(fields.length, 9); i++) { // user nice system idle iowait irq softirq steal
            total += Long.parseLong(fields[i]);
        }
        long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
        return new long[] {total - idle, total};
    }

    /** The soft limit on open files of {@code pid}, {@code -1} if unknown or unlimited. */
    static long openFileLimit(long pid) {
        for (String line : read(Path.of("/proc", Long.toString(pid), "limits")).lines().toList()) {
            if (line.startsWith("Max open files")) {
                String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                return soft.equals("unlimited") ? -1 : Long.parseLong(soft);
            }
        }
        return -1;
    }

    /** How many files {@code pid} has open, {@code -1} if unknown. */
    static long openFiles(long pid) {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return fds.count();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Resident set size of {@code pid} in bytes, {@code -1} if unknown. */
    static long residentBytes(long pid) {
        List<String> lines = read(Path.of("/proc", Long.toString(pid), "status")).lines().toList();
        for (String line : lines) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.substring(6).trim().split("\\s+")[0]) * 1024;
            }
        }
        return -1;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
