package dev.switchboard.benchmarks.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The logs of the processes the benchmark CLIs start. */
public final class ProcessLogs {

    private static final int TAIL_LINES = 40;

    private ProcessLogs() {
    }

    /** The last lines of {@code log}, to show why a process failed. */
    public static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
