package dev.switchboard.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The result of a run as printed on stdout: one {@code key  value} line per fact, instances indented below. */
final class Report {

    private Report() {
    }

    /** The lines for a run's final state (the result of {@code tsp.solve} or {@code tsp.stop}). */
    static String of(Map<String, Object> run) {
        StringBuilder out = new StringBuilder(256);
        line(out, "run", run.get("runId") + " (" + run.get("state") + ")");
        Object n = run.get("n");
        line(out, "problem", run.get("name") + (n == null ? "" : " (" + n + " cities)"));
        Object length = run.get("length");
        line(out, "length", length instanceof Number number ? Long.toString(number.longValue()) : "none");
        if (run.get("gap") instanceof Number gap && run.get("optimum") instanceof Number optimum) {
            line(out, "gap", Format.percent(gap.doubleValue()) + " (optimum " + optimum.longValue() + ")");
        }
        line(out, "time", String.format(Locale.ROOT, "%.2fs (budget %s)",
                Format.longOf(run.get("elapsedMs"), 0) / 1000.0, Format.duration(Format.longOf(run.get("budgetMs"), 0))));
        line(out, "compute calls", Format.longOf(run.get("computeCalls"), 0) + " ("
                + Format.longOf(run.get("failedCalls"), 0) + " failed)");
        List<?> instances = run.get("instances") instanceof List<?> list ? list : List.of();
        line(out, "instances", Integer.toString(instances.size()));
        for (Object item : instances) {
            if (item instanceof Map<?, ?> instance) {
                out.append("  ").append(instance.get("instanceId"))
                        .append("  ").append(Format.longOf(instance.get("calls"), 0)).append(" calls")
                        .append("  best ").append(instance.get("best") instanceof Number best
                                ? Long.toString(best.longValue()) : "-")
                        .append('\n');
            }
        }
        if (run.get("error") != null) {
            line(out, "error", String.valueOf(run.get("error")));
        }
        return out.toString();
    }

    /** The TSPLIB instances of {@code tsp.problems.list}: name, cities and optimum where known. */
    static String problems(List<?> problems) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-12s %8s %10s%n", "name", "cities", "optimum"));
        for (Object item : problems) {
            if (item instanceof Map<?, ?> problem) {
                Object optimum = problem.get("optimum");
                out.append(String.format(Locale.ROOT, "%-12s %8d %10s%n", problem.get("name"),
                        Format.longOf(problem.get("n"), 0), optimum == null ? "-" : optimum));
            }
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String key, String value) {
        out.append(String.format(Locale.ROOT, "%-14s %s%n", key, value));
    }
}
