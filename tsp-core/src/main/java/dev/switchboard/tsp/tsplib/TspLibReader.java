package dev.switchboard.tsp.tsplib;

import dev.switchboard.tsp.City;
import dev.switchboard.tsp.Problem;
import dev.switchboard.tsp.Tour;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads TSPLIB 95 files: symmetric problems ({@code TYPE: TSP}) with {@code EDGE_WEIGHT_TYPE: EUC_2D} and
 * {@code NODE_COORD_SECTION}, and tours ({@code TYPE: TOUR}, {@code TOUR_SECTION}).
 *
 * <p>TSPLIB numbers nodes from 1; the model numbers cities from 0, so node {@code i} becomes city {@code i-1}.
 * Anything else in TSPLIB (other edge weight types, explicit matrices, fixed edges, other problem types) is
 * reported as a {@link TspLibFormatException} naming the line and the unsupported feature.
 */
public final class TspLibReader {

    private static final String SUPPORTED_WEIGHT_TYPE = "EUC_2D";
    private static final Set<String> IGNORED_KEYWORDS = Set.of("COMMENT", "DISPLAY_DATA_TYPE", "CAPACITY");
    private static final Set<String> UNSUPPORTED_SECTIONS = Set.of("EDGE_WEIGHT_SECTION", "EDGE_DATA_SECTION",
            "FIXED_EDGES_SECTION", "DEPOT_SECTION", "DEMAND_SECTION", "TOUR_SECTION");

    private TspLibReader() {
    }

    /** Reads a problem file; the file name is used in error messages. */
    public static Problem readProblem(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            return readProblem(reader, file.toString());
        }
    }

    /**
     * Reads a problem.
     *
     * @param reader the file's text, not closed here
     * @param source the name used in error messages
     */
    public static Problem readProblem(Reader reader, String source) throws IOException {
        TspLibLines lines = new TspLibLines(reader, source);
        @Nullable String name = null;
        int dimension = -1;
        @Nullable String weightType = null;
        City @Nullable [] cities = null;
        for (String line = lines.next(); line != null; line = lines.next()) {
            String keyword = TspLibLines.keyword(line);
            String value = TspLibLines.value(line);
            switch (keyword) {
                case "NAME" -> name = value;
                case "TYPE" -> requireValue(lines, keyword, value, "TSP");
                case "DIMENSION" -> dimension = parseDimension(lines, value);
                case "EDGE_WEIGHT_TYPE" -> weightType = requireValue(lines, keyword, value, SUPPORTED_WEIGHT_TYPE);
                case "EDGE_WEIGHT_FORMAT" -> requireValue(lines, keyword, value, "FUNCTION");
                case "NODE_COORD_TYPE" -> requireValue(lines, keyword, value, "TWOD_COORDS");
                case "NODE_COORD_SECTION" -> {
                    if (dimension < 0) {
                        throw lines.error("NODE_COORD_SECTION before DIMENSION");
                    }
                    if (cities != null) {
                        throw lines.error("a second NODE_COORD_SECTION");
                    }
                    cities = readCoordinates(lines, dimension);
                }
                case "DISPLAY_DATA_SECTION" -> skipEntries(lines, dimension);
                case "EOF" -> {
                    return problem(lines, name, weightType, cities);
                }
                default -> {
                    if (UNSUPPORTED_SECTIONS.contains(keyword)) {
                        throw lines.error(keyword + " is not supported in a problem file (only NODE_COORD_SECTION"
                                + " with EDGE_WEIGHT_TYPE " + SUPPORTED_WEIGHT_TYPE + ")");
                    }
                    if (!IGNORED_KEYWORDS.contains(keyword)) {
                        throw lines.error("unknown keyword '" + keyword + "'");
                    }
                }
            }
        }
        return problem(lines, name, weightType, cities);
    }

    /** Reads a tour file; the file name is used in error messages. */
    public static Tour readTour(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            return readTour(reader, file.toString());
        }
    }

    /**
     * Reads a tour: the node numbers of {@code TOUR_SECTION}, ended by {@code -1}, as a permutation of the
     * cities {@code 0..n-1}.
     *
     * @param reader the file's text, not closed here
     * @param source the name used in error messages
     */
    public static Tour readTour(Reader reader, String source) throws IOException {
        TspLibLines lines = new TspLibLines(reader, source);
        int dimension = -1;
        for (String line = lines.next(); line != null; line = lines.next()) {
            String keyword = TspLibLines.keyword(line);
            String value = TspLibLines.value(line);
            switch (keyword) {
                case "NAME", "COMMENT" -> {
                }
                case "TYPE" -> requireValue(lines, keyword, value, "TOUR");
                case "DIMENSION" -> dimension = parseDimension(lines, value);
                case "TOUR_SECTION" -> {
                    if (dimension < 0) {
                        throw lines.error("TOUR_SECTION before DIMENSION");
                    }
                    return Tour.of(readTourSection(lines, dimension));
                }
                case "EOF" -> throw lines.error("EOF before TOUR_SECTION");
                default -> throw lines.error("unknown or unsupported keyword '" + keyword + "' in a tour file");
            }
        }
        throw lines.error("no TOUR_SECTION");
    }

    private static String requireValue(TspLibLines lines, String keyword, String value, String supported)
            throws TspLibFormatException {
        if (!value.equalsIgnoreCase(supported)) {
            throw lines.error(keyword + " '" + value + "' is not supported (only " + supported + ")");
        }
        return supported;
    }

    private static int parseDimension(TspLibLines lines, String value) throws TspLibFormatException {
        int dimension = lines.parseInt(value, "DIMENSION");
        if (dimension < 1) {
            throw lines.error("DIMENSION must be at least 1, got " + dimension);
        }
        return dimension;
    }

    private static City[] readCoordinates(TspLibLines lines, int dimension) throws IOException {
        City[] cities = new City[dimension];
        for (int read = 0; read < dimension; read++) {
            String line = lines.next();
            if (line == null) {
                throw lines.error("NODE_COORD_SECTION ends after " + read + " of " + dimension + " nodes");
            }
            String[] tokens = TspLibLines.tokens(line);
            if (tokens.length != 3) {
                throw lines.error("a node line needs 'number x y', got '" + line + "'");
            }
            int node = lines.parseInt(tokens[0], "the node number");
            if (node < 1 || node > dimension) {
                throw lines.error("node number " + node + " is outside 1.." + dimension);
            }
            if (cities[node - 1] != null) {
                throw lines.error("node " + node + " appears twice");
            }
            cities[node - 1] = new City(lines.parseDouble(tokens[1], "x"), lines.parseDouble(tokens[2], "y"));
        }
        return cities;
    }

    private static void skipEntries(TspLibLines lines, int dimension) throws IOException {
        if (dimension < 0) {
            throw lines.error("DISPLAY_DATA_SECTION before DIMENSION");
        }
        for (int read = 0; read < dimension; read++) {
            if (lines.next() == null) {
                throw lines.error("DISPLAY_DATA_SECTION ends after " + read + " of " + dimension + " nodes");
            }
        }
    }

    private static int[] readTourSection(TspLibLines lines, int dimension) throws IOException {
        int[] order = new int[dimension];
        boolean[] seen = new boolean[dimension];
        int count = 0;
        for (String line = lines.next(); line != null; line = lines.next()) {
            for (String token : TspLibLines.tokens(line)) {
                int node = lines.parseInt(token, "a tour entry");
                if (node == -1) {
                    if (count < dimension) {
                        throw lines.error("the tour ends after " + count + " of " + dimension + " nodes");
                    }
                    return order;
                }
                if (node < 1 || node > dimension) {
                    throw lines.error("node number " + node + " is outside 1.." + dimension);
                }
                if (count == dimension) {
                    throw lines.error("the tour has more than " + dimension + " nodes");
                }
                if (seen[node - 1]) {
                    throw lines.error("node " + node + " appears twice in the tour");
                }
                seen[node - 1] = true;
                order[count++] = node - 1;
            }
        }
        if (count < dimension) {
            throw lines.error("the tour ends after " + count + " of " + dimension + " nodes");
        }
        return order;
    }

    private static Problem problem(TspLibLines lines, @Nullable String name, @Nullable String weightType,
            City @Nullable [] cities) throws TspLibFormatException {
        if (weightType == null) {
            throw lines.error("no EDGE_WEIGHT_TYPE (only " + SUPPORTED_WEIGHT_TYPE + " is supported)");
        }
        if (cities == null) {
            throw lines.error("no NODE_COORD_SECTION");
        }
        if (name == null || name.isBlank()) {
            throw lines.error("no NAME");
        }
        return new Problem(name, Arrays.asList(cities));
    }
}
