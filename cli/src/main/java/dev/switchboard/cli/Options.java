package dev.switchboard.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The command line of {@code switchboard-cli}, parsed.
 *
 * @param problem what to solve ({@code null} with {@code --help} and {@code --list})
 * @param budget how long the run may take
 * @param strategy {@code tempering} or {@code restart}; {@code null}: the orchestrator's default
 * @param runSeed the run's seed; {@code null}: the orchestrator picks one
 * @param url the router's WebSocket URL
 * @param realm the realm to join
 * @param ticket the ticket to authenticate with; {@code null}: anonymous
 * @param authid the principal the ticket belongs to
 * @param progress whether to draw the progress bar on stderr
 * @param list list the TSPLIB instances the orchestrator offers instead of solving
 * @param help print the usage and exit
 */
record Options(@Nullable ProblemSpec problem, Duration budget, @Nullable String strategy, @Nullable Long runSeed,
               URI url, String realm, @Nullable String ticket, String authid, boolean progress, boolean list,
               boolean help) {

    static final String DEFAULT_URL = "ws://localhost:8080/ws";
    static final Duration DEFAULT_BUDGET = Duration.ofSeconds(10);

    /** Environment variables read as defaults: the router URL and the ticket (which is better kept out of ps). */
    static final String ENV_URL = "SWITCHBOARD_URL";
    static final String ENV_TICKET = "SWITCHBOARD_TICKET";

    static final String USAGE = """
            Usage: solve.sh PROBLEM [options]
                   solve.sh --list [options]

            Solves a travelling-salesman problem on a running Switchboard suite (tsp.solve), drawing its progress on
            stderr and printing the result on stdout.

            PROBLEM is one of:
              NAME                 a TSPLIB instance the orchestrator offers, e.g. berlin52 (see --list)
              FILE.tsp             a TSPLIB file (EUC_2D coordinates), read here and sent with the call
              --random N           N cities placed at random, with --seed S (default 0)

            Options:
              --budget DURATION    how long the run may take: 500ms, 5s, 2m, or seconds (default 10s)
              --strategy NAME      tempering or restart (default: the orchestrator's, tempering)
              --run-seed S         the run's random seed (default: the orchestrator picks one)
              --url URL            the router's WebSocket (default $SWITCHBOARD_URL or ws://localhost:8080/ws)
              --realm REALM        the realm (default realm1)
              --ticket TICKET      authenticate with this ticket instead of anonymously (or set $SWITCHBOARD_TICKET,
                                   which ps does not show)
              --authid ID          the principal of the ticket (default service)
              --no-progress        no progress bar
              --list               list the TSPLIB instances the orchestrator offers
              -h, --help           show this help

            Ctrl-C stops the run (tsp.stop) and prints where it got to.
            Exit status: 0 when the run ended, 1 on an error (its URI and message on stderr), 2 on a wrong command
            line, 130 after Ctrl-C.
            """;

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|min)?");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Set<String> VALUED = Set.of("--random", "--seed", "--budget", "--strategy", "--run-seed",
            "--url", "--realm", "--ticket", "--authid");

    /** What to solve: a TSPLIB name, a TSPLIB file or a random problem. */
    sealed interface ProblemSpec {
        /** A short description, e.g. {@code berlin52}, {@code random 1000 cities (seed 7)}. */
        String describe();
    }

    record TspLibName(String name) implements ProblemSpec {
        @Override
        public String describe() {
            return name;
        }
    }

    record TspLibFile(Path file) implements ProblemSpec {
        @Override
        public String describe() {
            return file.toString();
        }
    }

    record Random(int n, long seed) implements ProblemSpec {
        @Override
        public String describe() {
            return n + " random cities (seed " + seed + ")";
        }
    }

    /** The command line was wrong; the message says how. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    static Options parse(String[] args, Map<String, String> env) throws UsageException {
        String positional = null;
        Integer randomN = null;
        Long seed = null;
        Duration budget = DEFAULT_BUDGET;
        String strategy = null;
        Long runSeed = null;
        String url = env.getOrDefault(ENV_URL, DEFAULT_URL);
        String realm = "realm1";
        String ticket = blankToNull(env.get(ENV_TICKET));
        String authid = "service";
        boolean progress = true;
        boolean list = false;
        if (List.of(args).contains("-h") || List.of(args).contains("--help")) {
            return new Options(null, budget, null, null, URI.create(DEFAULT_URL), realm, null, authid, true, false,
                    true);
        }
        List<String> tokens = tokens(args);
        for (int i = 0; i < tokens.size(); i++) {
            String arg = tokens.get(i);
            switch (arg) {
                case "--list" -> list = true;
                case "--no-progress" -> progress = false;
                case "--random" -> randomN = (int) integer(arg, value(tokens, ++i, arg), 1, 10_000_000);
                case "--seed" -> seed = integer(arg, value(tokens, ++i, arg), Long.MIN_VALUE, Long.MAX_VALUE);
                case "--budget" -> budget = duration(value(tokens, ++i, arg));
                case "--strategy" -> strategy = value(tokens, ++i, arg);
                case "--run-seed" -> runSeed = integer(arg, value(tokens, ++i, arg), 0, (1L << 53) - 1);
                case "--url" -> url = value(tokens, ++i, arg);
                case "--realm" -> realm = value(tokens, ++i, arg);
                case "--ticket" -> ticket = value(tokens, ++i, arg);
                case "--authid" -> authid = value(tokens, ++i, arg);
                default -> {
                    if (arg.startsWith("-") && arg.length() > 1) {
                        throw new UsageException("unknown option " + arg);
                    }
                    if (positional != null) {
                        throw new UsageException("one problem at a time: got " + positional + " and " + arg);
                    }
                    positional = arg;
                }
            }
        }
        ProblemSpec problem = null;
        if (randomN != null && positional != null) {
            throw new UsageException("either a problem or --random N, not both");
        }
        if (seed != null && randomN == null) {
            throw new UsageException("--seed goes with --random (the run's seed is --run-seed)");
        }
        if (randomN != null) {
            if (randomN < 3) {
                throw new UsageException("--random needs at least 3 cities, got " + randomN);
            }
            problem = new Random(randomN, seed == null ? 0 : seed);
        } else if (positional != null) {
            problem = problemOf(positional);
        }
        if (problem == null && !list) {
            throw new UsageException("what to solve? a TSPLIB name (e.g. berlin52), a .tsp file or --random N");
        }
        if (problem != null && list) {
            throw new UsageException("--list takes no problem");
        }
        if (ticket != null && ticket.isBlank()) {
            throw new UsageException("--ticket is empty");
        }
        return new Options(problem, budget, strategy, runSeed, uri(url), realm, ticket, authid, progress, list,
                false);
    }

    /** A name is a TSPLIB instance; anything that looks like a path (or exists as a file) is a TSPLIB file. */
    private static ProblemSpec problemOf(String argument) throws UsageException {
        Path path = Path.of(argument);
        boolean looksLikeFile = argument.contains("/") || argument.contains("\\")
                || argument.toLowerCase(Locale.ROOT).endsWith(".tsp") || path.toFile().isFile();
        if (looksLikeFile) {
            if (!path.toFile().isFile()) {
                throw new UsageException("no such file: " + argument);
            }
            return new TspLibFile(path);
        }
        if (!NAME.matcher(argument).matches()) {
            throw new UsageException("not a TSPLIB name: " + argument);
        }
        return new TspLibName(argument);
    }

    /** The arguments, with {@code --option=value} split in two for the options that take a value. */
    private static List<String> tokens(String[] args) {
        List<String> tokens = new ArrayList<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0 && VALUED.contains(arg.substring(0, equals))) {
                tokens.add(arg.substring(0, equals));
                tokens.add(arg.substring(equals + 1));
            } else {
                tokens.add(arg);
            }
        }
        return tokens;
    }

    private static String value(List<String> tokens, int index, String name) throws UsageException {
        if (index >= tokens.size()) {
            throw new UsageException(name + " needs a value");
        }
        return tokens.get(index);
    }

    private static long integer(String name, String value, long min, long max) throws UsageException {
        long number;
        try {
            number = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new UsageException(name + " needs an integer, got '" + value + "'");
        }
        if (number < min || number > max) {
            throw new UsageException(name + " must be between " + min + " and " + max + ", got " + number);
        }
        return number;
    }

    /** {@code 500ms}, {@code 5s}, {@code 1.5s}, {@code 2m} or {@code 2min}; a bare number is seconds. */
    static Duration duration(String value) throws UsageException {
        Matcher matcher = DURATION.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new UsageException("--budget needs a duration such as 500ms, 5s or 2m, got '" + value + "'");
        }
        double amount = Double.parseDouble(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        double millis = switch (unit) {
            case "ms" -> amount;
            case "s" -> amount * 1_000;
            default -> amount * 60_000;
        };
        if (millis < 1 || millis > Duration.ofDays(1).toMillis()) {
            throw new UsageException("--budget is out of range: " + value);
        }
        return Duration.ofMillis(Math.round(millis));
    }

    private static URI uri(String url) throws UsageException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--url is not a URL: " + url);
        }
        if (!"ws".equalsIgnoreCase(uri.getScheme()) && !"wss".equalsIgnoreCase(uri.getScheme())
                || uri.getHost() == null) {
            throw new UsageException("--url needs a ws:// or wss:// URL such as " + DEFAULT_URL + ", got " + url);
        }
        return uri;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
