package dev.switchboard.orchestrator.problem;

import dev.switchboard.tsp.City;
import dev.switchboard.tsp.Problem;
import dev.switchboard.tsp.RandomProblems;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Turns the {@code problem} argument of {@code tsp.solve} into a {@link ResolvedProblem}, and finds a problem again
 * by its id for {@code tsp.problem.get}. Ids say what the problem is, so any orchestrator re-creates TSPLIB and random
 * problems from the id alone; inline problems are remembered (the most recent {@value #KEPT_INLINE}).
 */
public final class Problems {

    static final int KEPT_INLINE = 64;
    private static final String TSPLIB = "tsplib:";
    private static final String RANDOM = "random:";
    private static final String INLINE = "inline:";

    private final TspLibCatalog catalog;
    private final int maxCities;
    private final Map<String, Problem> inline = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Problem> eldest) {
            return size() > KEPT_INLINE;
        }
    };

    public Problems(TspLibCatalog catalog, int maxCities) {
        this.catalog = catalog;
        this.maxCities = maxCities;
    }

    public TspLibCatalog catalog() {
        return catalog;
    }

    /**
     * The problem {@code tsp.solve} was given: {@code {tsplib: name}}, {@code {random: {n, seed}}} or
     * {@code {name, cities: [[x, y], ...]}}.
     *
     * @throws InvalidProblemException saying what is wrong
     */
    public ResolvedProblem resolve(@Nullable Object argument) {
        if (!(argument instanceof Map<?, ?> problem)) {
            throw new InvalidProblemException("problem must be {tsplib: name}, {random: {n, seed}} or"
                    + " {name, cities: [[x, y], ...]}, got " + describe(argument));
        }
        if (problem.containsKey("tsplib")) {
            return tsplib(problem.get("tsplib"));
        }
        if (problem.containsKey("random")) {
            return random(problem.get("random"));
        }
        if (problem.containsKey("cities")) {
            return inline(problem.get("name"), problem.get("cities"));
        }
        throw new InvalidProblemException("problem needs one of tsplib, random or cities, got keys " + problem.keySet());
    }

    /** The problem with this id, if it is a TSPLIB instance offered here, a random one or a remembered inline one. */
    public Optional<Problem> find(String problemId) {
        if (problemId.startsWith(TSPLIB)) {
            return catalog.find(problemId.substring(TSPLIB.length()));
        }
        if (problemId.startsWith(RANDOM)) {
            String[] parts = problemId.substring(RANDOM.length()).split(":", -1);
            try {
                int n = Integer.parseInt(parts[0]);
                return parts.length == 2 && n >= 3 && n <= maxCities
                        ? Optional.of(RandomProblems.uniform(n, Long.parseLong(parts[1]))) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        synchronized (inline) {
            return Optional.ofNullable(inline.get(problemId));
        }
    }

    private ResolvedProblem tsplib(@Nullable Object value) {
        if (!(value instanceof String name) || name.isBlank()) {
            throw new InvalidProblemException("problem.tsplib must be the name of a TSPLIB instance, got "
                    + describe(value));
        }
        Problem problem = catalog.find(name).orElseThrow(() -> new InvalidProblemException(
                "unknown TSPLIB instance '" + name + "'; offered: " + catalog.entries().stream()
                        .map(TspLibCatalog.Entry::name).collect(Collectors.joining(", "))));
        checkSize(problem.size());
        return new ResolvedProblem(TSPLIB + name, problem, catalog.optimum(name));
    }

    private ResolvedProblem random(@Nullable Object value) {
        if (!(value instanceof Map<?, ?> random)) {
            throw new InvalidProblemException("problem.random must be {n, seed}, got " + describe(value));
        }
        long n = integer(random.get("n"), "problem.random.n");
        checkSize(n);
        Object seedValue = random.get("seed");
        long seed = seedValue == null ? 0 : integer(seedValue, "problem.random.seed");
        return new ResolvedProblem(RANDOM + n + ":" + seed, RandomProblems.uniform((int) n, seed), null);
    }

    private ResolvedProblem inline(@Nullable Object nameValue, @Nullable Object citiesValue) {
        String name = nameValue == null ? "inline" : nameValue instanceof String text && !text.isBlank() ? text
                : failName(nameValue);
        if (!(citiesValue instanceof List<?> list)) {
            throw new InvalidProblemException("problem.cities must be a list of [x, y], got " + describe(citiesValue));
        }
        checkSize(list.size());
        List<City> cities = new ArrayList<>(list.size());
        MessageDigest digest = sha256();
        ByteBuffer coordinates = ByteBuffer.allocate(16);
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof List<?> pair) || pair.size() != 2
                    || !(pair.get(0) instanceof Number x) || !(pair.get(1) instanceof Number y)) {
                throw new InvalidProblemException("problem.cities[" + i + "] must be [x, y] with two numbers, got "
                        + describe(list.get(i)));
            }
            double cx = x.doubleValue();
            double cy = y.doubleValue();
            if (!Double.isFinite(cx) || !Double.isFinite(cy)) {
                throw new InvalidProblemException("problem.cities[" + i + "] has a coordinate that is not a finite"
                        + " number: [" + cx + ", " + cy + "]");
            }
            cities.add(new City(cx, cy));
            digest.update(coordinates.clear().putDouble(cx).putDouble(cy).flip());
        }
        String id = INLINE + HexFormat.of().formatHex(digest.digest(), 0, 8);
        Problem problem = new Problem(name, cities);
        synchronized (inline) {
            inline.put(id, problem);
        }
        return new ResolvedProblem(id, problem, null);
    }

    private void checkSize(long n) {
        if (n < 3) {
            throw new InvalidProblemException("a problem needs at least 3 cities, got " + n);
        }
        if (n > maxCities) {
            throw new InvalidProblemException("a problem may have at most " + maxCities + " cities, got " + n);
        }
    }

    private static String failName(Object value) {
        throw new InvalidProblemException("problem.name must be a non-empty string, got " + describe(value));
    }

    static long integer(@Nullable Object value, String what) {
        if (value instanceof Number number) {
            double d = number.doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 0x1p53) {
                return number.longValue();
            }
        }
        throw new InvalidProblemException(what + " must be an integer, got " + describe(value));
    }

    static String describe(@Nullable Object value) {
        if (value == null) {
            return "nothing";
        }
        String text = value instanceof String string ? "'" + string + "'" : String.valueOf(value);
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
