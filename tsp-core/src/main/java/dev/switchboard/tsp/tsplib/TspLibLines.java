package dev.switchboard.tsp.tsplib;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The lines of a TSPLIB file with their numbers: keyword lines split into keyword and value, data lines into tokens. */
final class TspLibLines {

    private static final String[] NO_TOKENS = new String[0];

    private final BufferedReader reader;
    private final String source;
    private int number;

    TspLibLines(Reader reader, String source) {
        this.reader = reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader);
        this.source = source;
    }

    /** The next non-blank line, trimmed, or null at the end of the input. */
    @Nullable String next() throws IOException {
        String line;
        do {
            line = reader.readLine();
            if (line == null) {
                return null;
            }
            number++;
            line = line.strip();
        } while (line.isEmpty());
        return line;
    }

    /** The keyword of a specification line ({@code KEY : value} or {@code KEY_SECTION}), in upper case. */
    static String keyword(String line) {
        int colon = line.indexOf(':');
        String key = colon < 0 ? line : line.substring(0, colon);
        return key.strip().toUpperCase(Locale.ROOT);
    }

    /** The value of a specification line, i.e. the text after the first colon; empty if there is none. */
    static String value(String line) {
        int colon = line.indexOf(':');
        return colon < 0 ? "" : line.substring(colon + 1).strip();
    }

    /** The whitespace-separated tokens of a data line. */
    static String[] tokens(String line) {
        return line.isEmpty() ? NO_TOKENS : line.split("\\s+");
    }

    int parseInt(String token, String what) throws TspLibFormatException {
        try {
            return Integer.parseInt(token);
        } catch (NumberFormatException e) {
            throw error(what + " must be an integer, got '" + token + "'");
        }
    }

    double parseDouble(String token, String what) throws TspLibFormatException {
        double value;
        try {
            value = Double.parseDouble(token);
        } catch (NumberFormatException e) {
            throw error(what + " must be a number, got '" + token + "'");
        }
        if (!Double.isFinite(value)) {
            throw error(what + " must be finite, got '" + token + "'");
        }
        return value;
    }

    /** An error located at the line read last. */
    TspLibFormatException error(String problem) {
        return new TspLibFormatException(source, number, problem);
    }
}
