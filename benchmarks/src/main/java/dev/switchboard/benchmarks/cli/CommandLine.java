package dev.switchboard.benchmarks.cli;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Reads the benchmark CLIs' options from the {@code --name=value} pairs given (each taken out when read). */
public final class CommandLine {

    private CommandLine() {
    }

    /** The {@code --name=value} (or bare {@code --name}) arguments by name, in order. */
    public static Map<String, String> options(String... args) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("not an option: " + arg);
            }
            int equals = arg.indexOf('=');
            given.put(equals < 0 ? arg.substring(2) : arg.substring(2, equals),
                    equals < 0 ? "" : arg.substring(equals + 1));
        }
        return given;
    }

    /** The value of {@code name}, or {@code fallback} when it was not given or is empty. */
    public static String take(Map<String, String> given, String name, String fallback) {
        String value = given.remove(name);
        return value == null || value.isEmpty() ? fallback : value;
    }

    /** A positive integer ({@code _} allowed as a separator). */
    public static int positive(Map<String, String> given, String name, int fallback) {
        int value = Integer.parseInt(take(given, name, Integer.toString(fallback)).replace("_", ""));
        if (value < 1) {
            throw new IllegalArgumentException("--" + name + " must be positive, got " + value);
        }
        return value;
    }

    /** {@code 500ms}, {@code 4s}, {@code 1m}, or plain seconds. */
    public static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        if (t.endsWith("s")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
        }
        if (t.endsWith("m")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 60_000));
        }
        return Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
    }
}
