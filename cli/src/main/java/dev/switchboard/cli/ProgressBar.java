package dev.switchboard.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * The one-line progress bar drawn on stderr while a run runs: how much of the budget has passed, the best length and
 * its gap, the compute instances serving and their proposals per second. Each {@link #update} redraws the line in
 * place (carriage return, then blanks over what is left of a longer previous line).
 */
final class ProgressBar {

    static final int WIDTH = 24;

    private final PrintStream out;
    private int drawn;

    ProgressBar(PrintStream out) {
        this.out = out;
    }

    /** Redraws the line for this run state (a {@code tsp.solve} progress result). */
    synchronized void update(Map<String, Object> state) {
        String line = render(state);
        out.print("\r" + line + " ".repeat(Math.max(0, drawn - line.length())));
        out.flush();
        drawn = line.length();
    }

    /** Ends the line, if one was drawn, so that what follows starts on a line of its own. */
    synchronized void finish() {
        if (drawn > 0) {
            out.println();
            out.flush();
            drawn = 0;
        }
    }

    /**
     * The line for a run state, e.g.
     * {@code [############------------]  2.5s/5.0s  best 7712  gap 2.25%  2 instances  1.25M proposals/s}.
     */
    static String render(Map<String, Object> state) {
        long elapsed = Format.longOf(state.get("elapsedMs"), 0);
        long budget = Format.longOf(state.get("budgetMs"), 0);
        double fraction = budget <= 0 ? 0 : Math.min(1.0, Math.max(0.0, (double) elapsed / budget));
        int filled = (int) Math.round(fraction * WIDTH);
        StringBuilder line = new StringBuilder(100)
                .append('[').append("#".repeat(filled)).append("-".repeat(WIDTH - filled)).append("]  ")
                .append(Format.seconds(elapsed)).append('/').append(Format.seconds(budget));
        Object state0 = state.get("state");
        if (state0 != null && !"running".equals(state0)) {
            line.append("  ").append(state0);
        }
        Object length = state.get("length");
        line.append("  best ").append(length instanceof Number number ? Long.toString(number.longValue()) : "-");
        if (state.get("gap") instanceof Number gap) {
            line.append("  gap ").append(Format.percent(gap.doubleValue()));
        }
        int instances = state.get("instances") instanceof List<?> list ? list.size() : 0;
        line.append("  ").append(instances).append(instances == 1 ? " instance" : " instances");
        line.append("  ").append(Format.rate(Format.doubleOf(state.get("proposalsPerSec"), 0))).append(" proposals/s");
        return line.toString();
    }
}
