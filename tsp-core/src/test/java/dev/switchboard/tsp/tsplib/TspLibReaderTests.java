package dev.switchboard.tsp.tsplib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.tsp.City;
import dev.switchboard.tsp.Problem;
import dev.switchboard.tsp.TestInstances;
import dev.switchboard.tsp.Tour;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TspLibReaderTests {

    private static final String HEADER = """
            NAME : tiny
            TYPE : TSP
            DIMENSION : 3
            EDGE_WEIGHT_TYPE : EUC_2D
            """;

    @ParameterizedTest
    @ValueSource(strings = {"eil51", "berlin52", "st70", "kroA100", "ch150", "a280", "pcb442", "pr1002", "pr2392"})
    void theOptimalTourOfEachInstanceHasThePublishedOptimalLength(String name) {
        Problem problem = TestInstances.problem(name);
        Tour tour = TestInstances.optimalTour(name);

        assertThat(problem.name()).isEqualTo(name);
        assertThat(tour.size()).isEqualTo(problem.size());
        assertThat(tour.length(problem)).isEqualTo(TestInstances.optima().get(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"d198", "lin318", "rat783"})
    void readsInstancesWithoutATour(String name) {
        assertThat(TestInstances.problem(name).size()).isEqualTo(Integer.parseInt(name.replaceAll("\\D", "")));
    }

    @Test
    void numbersCitiesFromZeroAndReadsScientificNotation() throws IOException {
        Problem problem = read(HEADER + """
                NODE_COORD_SECTION
                  3 1.5e+01 2
                1 0.00000e+00 0.0
                2 1 1
                EOF
                """);

        assertThat(problem.cities()).containsExactly(new City(0, 0), new City(1, 1), new City(15, 2));
    }

    @Test
    void acceptsAMissingEofAndSpacesAroundColons() throws IOException {
        Problem problem = read("NAME:tiny\nTYPE: TSP\nDIMENSION :2\nEDGE_WEIGHT_TYPE:EUC_2D\n"
                + "NODE_COORD_SECTION\n1 0 0\n2 3 4\n\n");

        assertThat(problem.distance(0, 1)).isEqualTo(5);
    }

    @Test
    void reportsAnUnsupportedEdgeWeightTypeWithItsLine() {
        assertThatThrownBy(() -> read("NAME : g\nTYPE : TSP\nDIMENSION : 3\nEDGE_WEIGHT_TYPE : GEO\n"))
                .isInstanceOf(TspLibFormatException.class)
                .hasMessage("test.tsp:4: EDGE_WEIGHT_TYPE 'GEO' is not supported (only EUC_2D)")
                .extracting(e -> ((TspLibFormatException) e).line()).isEqualTo(4);
    }

    @Test
    void reportsUnsupportedProblemTypesAndSections() {
        assertThatThrownBy(() -> read("NAME : a\nTYPE : ATSP\n"))
                .hasMessage("test.tsp:2: TYPE 'ATSP' is not supported (only TSP)");
        assertThatThrownBy(() -> read(HEADER + "EDGE_WEIGHT_FORMAT : FULL_MATRIX\n"))
                .hasMessage("test.tsp:5: EDGE_WEIGHT_FORMAT 'FULL_MATRIX' is not supported (only FUNCTION)");
        assertThatThrownBy(() -> read(HEADER + "FIXED_EDGES_SECTION\n1 2\n-1\n"))
                .hasMessageStartingWith("test.tsp:5: FIXED_EDGES_SECTION is not supported");
        assertThatThrownBy(() -> read(HEADER + "NODE_COORD_TYPE : THREED_COORDS\n"))
                .hasMessage("test.tsp:5: NODE_COORD_TYPE 'THREED_COORDS' is not supported (only TWOD_COORDS)");
    }

    @Test
    void reportsMalformedNodeLines() {
        assertThatThrownBy(() -> read(HEADER + "NODE_COORD_SECTION\n1 0 0\n2 x 1\n"))
                .hasMessage("test.tsp:7: x must be a number, got 'x'");
        assertThatThrownBy(() -> read(HEADER + "NODE_COORD_SECTION\n1 0 0\n1 1 1\n"))
                .hasMessage("test.tsp:7: node 1 appears twice");
        assertThatThrownBy(() -> read(HEADER + "NODE_COORD_SECTION\n1 0 0\n4 1 1\n"))
                .hasMessage("test.tsp:7: node number 4 is outside 1..3");
        assertThatThrownBy(() -> read(HEADER + "NODE_COORD_SECTION\n1 0 0\n2 1\n"))
                .hasMessage("test.tsp:7: a node line needs 'number x y', got '2 1'");
        assertThatThrownBy(() -> read(HEADER + "NODE_COORD_SECTION\n1 0 0\n2 1 1\n"))
                .hasMessage("test.tsp:7: NODE_COORD_SECTION ends after 2 of 3 nodes");
    }

    @Test
    void reportsMissingOrUnknownSpecification() {
        assertThatThrownBy(() -> read("NAME : t\nTYPE : TSP\nNODE_COORD_SECTION\n"))
                .hasMessage("test.tsp:3: NODE_COORD_SECTION before DIMENSION");
        assertThatThrownBy(() -> read("NAME : t\nDIMENSION : 1\nNODE_COORD_SECTION\n1 0 0\nEOF\n"))
                .hasMessage("test.tsp:5: no EDGE_WEIGHT_TYPE (only EUC_2D is supported)");
        assertThatThrownBy(() -> read(HEADER + "EOF\n")).hasMessage("test.tsp:5: no NODE_COORD_SECTION");
        assertThatThrownBy(() -> read(HEADER + "DIMENSON : 3\n")).hasMessage("test.tsp:5: unknown keyword 'DIMENSON'");
        assertThatThrownBy(() -> read("DIMENSION : many\n"))
                .hasMessage("test.tsp:1: DIMENSION must be an integer, got 'many'");
    }

    @Test
    void readsToursSpreadOverLinesAndNumbersCitiesFromZero() throws IOException {
        Tour tour = TspLibReader.readTour(new StringReader(
                "NAME : t.tour\nTYPE : TOUR\nDIMENSION : 4\nTOUR_SECTION\n1 3\n  2\n4\n-1\nEOF\n"), "t.tour");

        assertThat(tour.toArray()).containsExactly(0, 2, 1, 3);
    }

    @Test
    void reportsToursThatAreNotPermutations() {
        assertThatThrownBy(() -> readTour("TYPE : TOUR\nDIMENSION : 3\nTOUR_SECTION\n1\n2\n2\n-1\n"))
                .hasMessage("t.tour:6: node 2 appears twice in the tour");
        assertThatThrownBy(() -> readTour("TYPE : TOUR\nDIMENSION : 3\nTOUR_SECTION\n1\n2\n-1\n"))
                .hasMessage("t.tour:6: the tour ends after 2 of 3 nodes");
        assertThatThrownBy(() -> readTour("TYPE : TSP\n")).hasMessage("t.tour:1: TYPE 'TSP' is not supported (only TOUR)");
        assertThatThrownBy(() -> readTour("TYPE : TOUR\nDIMENSION : 3\n")).hasMessage("t.tour:2: no TOUR_SECTION");
    }

    @Test
    void readsFilesAndNamesThemInErrors(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("bad.tsp");
        Files.writeString(file, "NAME : b\nTYPE : HCP\n");

        assertThatThrownBy(() -> TspLibReader.readProblem(file))
                .hasMessage(file + ":2: TYPE 'HCP' is not supported (only TSP)")
                .isInstanceOfSatisfying(TspLibFormatException.class, e -> assertThat(e.source()).isEqualTo(file.toString()));
    }

    private static Problem read(String text) throws IOException {
        return TspLibReader.readProblem(new StringReader(text), "test.tsp");
    }

    private static Tour readTour(String text) throws IOException {
        return TspLibReader.readTour(new StringReader(text), "t.tour");
    }
}
