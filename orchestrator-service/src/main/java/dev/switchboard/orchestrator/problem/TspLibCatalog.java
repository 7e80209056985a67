package dev.switchboard.orchestrator.problem;

import dev.switchboard.tsp.Problem;
import dev.switchboard.tsp.tsplib.TspLibOptima;
import dev.switchboard.tsp.tsplib.TspLibReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The TSPLIB instances the orchestrator offers: those bundled with it (classpath {@code tsplib/}) and those in a
 * configured directory, each with its optimal length where a {@code SOURCE.txt} beside it lists one. A directory's
 * file replaces a bundled one of the same name. Files that cannot be read are left out with a warning.
 */
public final class TspLibCatalog {

    private static final Logger log = LoggerFactory.getLogger(TspLibCatalog.class);

    /** An offered instance: name, number of cities, optimal length where known. */
    public record Entry(String name, int n, @Nullable Long optimum) {
    }

    private final Map<String, Problem> problems;
    private final Map<String, Long> optima;

    private TspLibCatalog(Map<String, Problem> problems, Map<String, Long> optima) {
        this.problems = Collections.unmodifiableMap(new TreeMap<>(problems));
        this.optima = Map.copyOf(optima);
    }

    /** The bundled instances, then those of {@code directory} (if given). */
    public static TspLibCatalog load(@Nullable Path directory) {
        Map<String, Problem> problems = new HashMap<>();
        Map<String, Long> optima = new HashMap<>();
        loadBundled(problems, optima);
        if (directory != null) {
            loadDirectory(directory, problems, optima);
        }
        log.info("Offering {} TSPLIB instances{}", problems.size(),
                directory == null ? "" : " (bundled and from " + directory + ")");
        return new TspLibCatalog(problems, optima);
    }

    public List<Entry> entries() {
        return problems.values().stream()
                .sorted((a, b) -> a.size() != b.size() ? Integer.compare(a.size(), b.size())
                        : a.name().compareTo(b.name()))
                .map(problem -> new Entry(problem.name(), problem.size(), optima.get(problem.name())))
                .toList();
    }

    public Optional<Problem> find(String name) {
        return Optional.ofNullable(problems.get(name));
    }

    public @Nullable Long optimum(String name) {
        return optima.get(name);
    }

    private static void loadBundled(Map<String, Problem> problems, Map<String, Long> optima) {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        try {
            for (Resource resource : resolver.getResources("classpath*:tsplib/*.tsp")) {
                String file = Optional.ofNullable(resource.getFilename()).orElse("?");
                try (Reader reader = reader(resource.getInputStream())) {
                    add(problems, TspLibReader.readProblem(reader, "bundled " + file));
                } catch (IOException e) {
                    log.warn("Left out bundled TSPLIB file {}: {}", file, e.getMessage());
                }
            }
            for (Resource resource : resolver.getResources("classpath*:tsplib/SOURCE.txt")) {
                try (InputStream in = resource.getInputStream()) {
                    optima.putAll(TspLibOptima.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the bundled TSPLIB files", e);
        }
    }

    private static void loadDirectory(Path directory, Map<String, Problem> problems, Map<String, Long> optima) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("switchboard.orchestrator.tsplib-dir " + directory
                    + " is not a directory");
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(path -> path.getFileName().toString().endsWith(".tsp")).sorted().toList()) {
                try {
                    add(problems, TspLibReader.readProblem(file));
                } catch (IOException e) {
                    log.warn("Left out TSPLIB file {}: {}", file, e.getMessage());
                }
            }
            Path source = directory.resolve("SOURCE.txt");
            if (Files.isReadable(source)) {
                optima.putAll(TspLibOptima.parse(Files.readString(source, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the TSPLIB directory " + directory, e);
        }
    }

    private static void add(Map<String, Problem> problems, Problem problem) {
        if (problem.size() >= 3) {
            problems.put(problem.name(), problem);
        }
    }

    private static Reader reader(InputStream in) {
        return new InputStreamReader(in, StandardCharsets.US_ASCII);
    }
}
