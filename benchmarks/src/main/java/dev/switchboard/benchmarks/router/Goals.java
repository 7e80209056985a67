package dev.switchboard.benchmarks.router;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The targets on the 2-core reference machine, and what the scenarios measured against them. */
final class Goals {

    enum Goal {
        RPC_CPU("router CPU per RPC round trip", "µs", 15),
        EVENT_CPU("router CPU per delivered event", "µs", 4),
        LATENCY_P99("p99 latency at the fixed call rate", "ms", 2),
        SESSION_HEAP("router heap per idle session", "KiB", 20);

        final String description;
        final String unit;
        final double limit;

        Goal(String description, String unit, double limit) {
            this.description = description;
            this.unit = unit;
            this.limit = limit;
        }
    }

    private record Measured(String scenario, double value) {
    }

    private final Map<Goal, List<Measured>> measured = new EnumMap<>(Goal.class);

    /** A measured value; NaN when the scenario failed (lost connections or answers), which misses the goal. */
    void record(Goal goal, String scenario, double value) {
        measured.computeIfAbsent(goal, g -> new ArrayList<>()).add(new Measured(scenario, value));
    }

    void print(PrintStream out) {
        out.println("Goals (≤ limit on the 2-core reference machine)");
        for (Goal goal : Goal.values()) {
            List<Measured> values = measured.get(goal);
            if (values == null) {
                continue;
            }
            boolean met = values.stream().allMatch(m -> m.value <= goal.limit);
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-5s %-38s ≤ %4.0f %-3s  measured",
                    met ? "MET" : "MISS", goal.description, goal.limit, goal.unit));
            for (Measured m : values) {
                line.append(Double.isNaN(m.value) ? "  failed (" + m.scenario + ")"
                        : String.format(Locale.ROOT, "  %.2f (%s)", m.value, m.scenario));
            }
            out.println(line);
        }
    }
}
