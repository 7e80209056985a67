package dev.switchboard.tsp.tsplib;

import java.io.IOException;

/** A TSPLIB file that is malformed or uses a feature this reader does not support, located by source and line. */
public final class TspLibFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;

    /**
     * @param source the file or resource name
     * @param line the 1-based line number the problem was found on
     * @param problem what is wrong, without the location
     */
    public TspLibFormatException(String source, int line, String problem) {
        super(source + ":" + line + ": " + problem);
        this.source = source;
        this.line = line;
    }

    /** The file or resource name. */
    public String source() {
        return source;
    }

    /** The 1-based line number the problem was found on. */
    public int line() {
        return line;
    }
}
