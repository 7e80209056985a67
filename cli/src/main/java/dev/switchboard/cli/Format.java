package dev.switchboard.cli;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Numbers as the command line shows them: seconds, percentages, rates (always with a '.' decimal point). */
final class Format {

    private Format() {
    }

    /** Milliseconds as seconds with one decimal, e.g. {@code 2.5s}. */
    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
    }

    /** A duration as given on the command line: {@code 500ms}, {@code 5s}, {@code 1.25s}, {@code 120s}. */
    static String duration(long millis) {
        if (millis < 1000) {
            return millis + "ms";
        }
        return java.math.BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + "s";
    }

    /** A gap in percent with two decimals, e.g. {@code 2.25%}. */
    static String percent(double percent) {
        return String.format(Locale.ROOT, "%.2f%%", percent);
    }

    /** A rate with a k/M/G suffix and three significant digits, e.g. {@code 950}, {@code 12.3k}, {@code 1.25M}. */
    static String rate(double perSecond) {
        double value = Math.max(0, perSecond);
        String[] suffixes = {"", "k", "M", "G"};
        int unit = 0;
        while (value >= 999.5 && unit < suffixes.length - 1) {
            value /= 1000;
            unit++;
        }
        if (unit == 0) {
            return Long.toString(Math.round(value));
        }
        String pattern = value >= 99.95 ? "%.0f" : value >= 9.995 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, pattern, value) + suffixes[unit];
    }

    static long longOf(@Nullable Object value, long otherwise) {
        return value instanceof Number number ? number.longValue() : otherwise;
    }

    static double doubleOf(@Nullable Object value, double otherwise) {
        return value instanceof Number number ? number.doubleValue() : otherwise;
    }
}
