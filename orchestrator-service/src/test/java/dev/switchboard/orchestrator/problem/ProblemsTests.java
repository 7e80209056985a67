package dev.switchboard.orchestrator.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.tsp.City;
import dev.switchboard.tsp.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProblemsTests {

    private final Problems problems = new Problems(TspLibCatalog.load(null), 5_000);

    @Test
    void aTspLibInstanceComesWithItsOptimumAndIsFoundAgainByItsId() {
        ResolvedProblem berlin = problems.resolve(Map.of("tsplib", "berlin52"));

        assertThat(berlin.problemId()).isEqualTo("tsplib:berlin52");
        assertThat(berlin.problem().size()).isEqualTo(52);
        assertThat(berlin.optimum()).isEqualTo(7542L);
        assertThat(problems.find("tsplib:berlin52")).contains(berlin.problem());
    }

    @Test
    void aRandomInstanceIsMadeAgainFromItsIdAlone() {
        ResolvedProblem random = problems.resolve(Map.of("random", Map.of("n", 200, "seed", 7)));

        assertThat(random.problemId()).isEqualTo("random:200:7");
        assertThat(random.optimum()).isNull();
        Problems elsewhere = new Problems(TspLibCatalog.load(null), 5_000);
        assertThat(elsewhere.find("random:200:7")).contains(random.problem());
    }

    @Test
    void inlineCitiesAreRememberedUnderAnIdOfTheirCoordinates() {
        Map<String, Object> triangle = Map.of("name", "triangle",
                "cities", List.of(List.of(0, 0), List.of(3, 0), List.of(0, 4.5)));

        ResolvedProblem resolved = problems.resolve(triangle);

        assertThat(resolved.problemId()).matches("inline:[0-9a-f]{16}");
        assertThat(resolved.problem()).isEqualTo(new Problem("triangle",
                List.of(new City(0, 0), new City(3, 0), new City(0, 4.5))));
        assertThat(problems.resolve(triangle).problemId()).isEqualTo(resolved.problemId());
        assertThat(problems.find(resolved.problemId())).contains(resolved.problem());
        assertThat(problems.find("inline:0000000000000000")).isEmpty();
    }

    static List<Arguments> invalid() {
        return List.of(
                Arguments.of("not a dict", "problem must be {tsplib: name}"),
                Arguments.of(Map.of("tsplib", "nowhere"), "unknown TSPLIB instance 'nowhere'; offered: "),
                Arguments.of(Map.of("tsplib", 42), "problem.tsplib must be the name of a TSPLIB instance"),
                Arguments.of(Map.of("random", Map.of("n", 2, "seed", 1)), "at least 3 cities, got 2"),
                Arguments.of(Map.of("random", Map.of("n", 5_001)), "at most 5000 cities, got 5001"),
                Arguments.of(Map.of("random", Map.of("n", "ten")), "problem.random.n must be an integer"),
                Arguments.of(Map.of("random", Map.of("n", 10, "seed", 0.5)), "problem.random.seed must be an integer"),
                Arguments.of(Map.of("cities", List.of(List.of(0, 0), List.of(1, 1))), "at least 3 cities, got 2"),
                Arguments.of(Map.of("cities", List.of(List.of(0, 0), List.of(1), List.of(2, 2))),
                        "problem.cities[1] must be [x, y] with two numbers"),
                Arguments.of(Map.of("cities", List.of(List.of(0, 0), List.of(1, Double.NaN), List.of(2, 2))),
                        "problem.cities[1] has a coordinate that is not a finite number"),
                Arguments.of(Map.of("cities", "many"), "problem.cities must be a list of [x, y]"),
                Arguments.of(Map.of("name", "", "cities", List.of()), "problem.name must be a non-empty string"),
                Arguments.of(Map.of("shape", "circle"), "problem needs one of tsplib, random or cities"));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void anInvalidProblemIsRefusedWithAMessageThatSaysWhatIsWrong(Object problem, String message) {
        assertThatThrownBy(() -> problems.resolve(problem)).isInstanceOf(InvalidProblemException.class)
                .hasMessageContaining(message);
    }

    @Test
    void aDirectoryAddsInstancesAndTheirOptimaAndLeavesOutFilesItCannotRead(@TempDir Path directory)
            throws Exception {
        Files.writeString(directory.resolve("tri3.tsp"), """
                NAME : tri3
                TYPE : TSP
                DIMENSION : 3
                EDGE_WEIGHT_TYPE : EUC_2D
                NODE_COORD_SECTION
                1 0 0
                2 3 0
                3 0 4
                EOF
                """);
        Files.writeString(directory.resolve("broken.tsp"), "NAME : broken\nEDGE_WEIGHT_TYPE : GEO\n");
        Files.writeString(directory.resolve("SOURCE.txt"), "Optimal lengths (checked): tri3 12\n");

        TspLibCatalog catalog = TspLibCatalog.load(directory);

        assertThat(catalog.entries()).contains(new TspLibCatalog.Entry("tri3", 3, 12L))
                .extracting(TspLibCatalog.Entry::name).contains("berlin52").doesNotContain("broken");
        assertThat(catalog.entries().getFirst().name()).isEqualTo("tri3");
    }
}
