package dev.switchboard.cli;

import dev.switchboard.cli.Options.ProblemSpec;
import dev.switchboard.cli.Options.UsageException;
import dev.switchboard.tsp.Problem;
import dev.switchboard.tsp.api.ProblemPayload;
import dev.switchboard.tsp.api.TspUris;
import dev.switchboard.tsp.tsplib.TspLibReader;
import dev.switchboard.wamp.client.Authenticator;
import dev.switchboard.wamp.client.CallFuture;
import dev.switchboard.wamp.client.CallResult;
import dev.switchboard.wamp.client.NotConnectedException;
import dev.switchboard.wamp.client.ReconnectPolicy;
import dev.switchboard.wamp.client.WampClient;
import dev.switchboard.wamp.client.WampException;
import dev.switchboard.wamp.client.WampOptions;
import dev.switchboard.wamp.codec.Serialization;
import dev.switchboard.wamp.message.CancelMode;
import dev.switchboard.wamp.message.Payload;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * {@code switchboard-cli}: solves a TSP problem through {@code tsp.solve} on a running suite, with a progress bar on
 * stderr and the result on stdout. On Ctrl-C (or SIGTERM) it stops the run with {@code tsp.stop} and prints where
 * the run got to. {@link Options#USAGE} says how to call it.
 */
public final class SolveCommand {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int INTERRUPTED = 130;

    /** How long to wait for the router's WELCOME. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** How much longer than the budget the call may take (queued behind another run, slow machine). */
    private static final Duration CALL_MARGIN = Duration.ofMinutes(2);

    private final Options options;
    private final PrintStream out;
    private final PrintStream err;
    private final CompletableFuture<String> runId = new CompletableFuture<>();
    private final CountDownLatch reported = new CountDownLatch(1);
    private volatile @Nullable WampClient client;
    private volatile @Nullable CallFuture solve;
    private volatile boolean interrupted;
    private volatile @Nullable ProgressBar bar;

    private SolveCommand(Options options, PrintStream out, PrintStream err) {
        this.options = options;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        quietLogging();
        Options options;
        try {
            options = Options.parse(args, System.getenv());
        } catch (UsageException e) {
            System.err.println("solve: " + e.getMessage() + " (see --help)");
            System.exit(USAGE);
            return;
        }
        SolveCommand command = new SolveCommand(options, System.out, System.err);
        Thread hook = new Thread(command::interrupt, "solve-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        int status = command.run();
        if (command.interrupted) {
            // the JVM is shutting down already (Ctrl-C): the hook waits for the report, then the JVM exits
            command.reported.countDown();
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            command.reported.countDown();
            return;
        }
        System.out.flush();
        System.exit(status);
    }

    /** Runs the command line in this JVM, without touching signals or exiting: the exit status is returned. */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        try {
            return new SolveCommand(Options.parse(args, env), out, err).run();
        } catch (UsageException e) {
            err.println("solve: " + e.getMessage() + " (see --help)");
            return USAGE;
        }
    }

    private int run() {
        if (options.help()) {
            out.print(Options.USAGE);
            return OK;
        }
        Map<String, Object> problem = null;
        if (options.problem() != null) {
            try {
                problem = problemArgument(options.problem());
            } catch (IOException | RuntimeException e) {
                err.println("solve: cannot read " + options.problem().describe() + ": " + e.getMessage());
                return FAILED;
            }
        }
        WampClient session = connect();
        if (session == null) {
            return FAILED;
        }
        try {
            return options.list() ? list(session) : solve(session, problem);
        } finally {
            session.close();
        }
    }

    private @Nullable WampClient connect() {
        WampClient.Builder builder = WampClient.builder(options.url(), options.realm())
                .serialization(Serialization.MSGPACK)
                .reconnect(ReconnectPolicy.NEVER)
                .connectTimeout(CONNECT_TIMEOUT)
                .maxMessageSize(64 * 1024 * 1024)
                .agent("switchboard-cli");
        if (options.ticket() != null) {
            builder.authid(options.authid()).authenticators(Authenticator.ticket(options.ticket()));
        }
        WampClient session = builder.build();
        client = session;
        try {
            session.connect().get(CONNECT_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
            return session;
        } catch (ExecutionException | TimeoutException | InterruptedException e) {
            session.close();
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            if (cause instanceof WampException error && !(error instanceof NotConnectedException)) {
                err.println("solve: " + error.error() + ": the router refused the session: " + message(error));
            } else {
                err.println("solve: cannot connect to " + options.url() + " (" + rootMessage(cause)
                        + "); is the suite running? (scripts/run.sh)");
            }
            return null;
        }
    }

    private int list(WampClient session) {
        try {
            CallResult result = session.call(TspUris.PROBLEMS_LIST, Payload.of(null, Map.of()))
                    .get(30, TimeUnit.SECONDS);
            out.print(Report.problems(result.kwargs().get("problems") instanceof List<?> problems
                    ? problems : List.of()));
            return OK;
        } catch (ExecutionException e) {
            return failure(e.getCause());
        } catch (TimeoutException | InterruptedException e) {
            err.println("solve: no answer from " + TspUris.PROBLEMS_LIST);
            return FAILED;
        }
    }

    private int solve(WampClient session, Map<String, Object> problem) {
        Map<String, Object> kwargs = new LinkedHashMap<>();
        kwargs.put("problem", problem);
        kwargs.put("budgetMs", options.budget().toMillis());
        if (options.strategy() != null) {
            kwargs.put("strategy", options.strategy());
        }
        if (options.runSeed() != null) {
            kwargs.put("seed", options.runSeed());
        }
        ProgressBar bar = options.progress() ? new ProgressBar(err) : null;
        this.bar = bar;
        err.println("solve: " + options.problem().describe() + ", budget " + Format.duration(options.budget().toMillis())
                + ", on " + options.url());
        CallFuture call = session.call(TspUris.SOLVE, Payload.of(null, kwargs),
                WampOptions.call().timeout(options.budget().plus(CALL_MARGIN)).build(),
                progress -> {
                    Map<String, Object> state = progress.kwargs();
                    if (state.get("runId") instanceof String id) {
                        runId.complete(id);
                    }
                    if (bar != null && !interrupted) {
                        bar.update(state);
                    }
                });
        solve = call;
        try {
            Map<String, Object> result = call.get().kwargs();
            if (bar != null) {
                bar.finish();
            }
            out.print(Report.of(result));
            out.flush();
            reported.countDown();
            return interrupted ? INTERRUPTED : OK;
        } catch (ExecutionException e) {
            if (bar != null) {
                bar.finish();
            }
            return failure(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return INTERRUPTED;
        }
    }

    /**
     * Ctrl-C or SIGTERM (from the shutdown hook): stops the run with {@code tsp.stop}, so that the call returns the
     * run's state, then waits (briefly) until that state is printed.
     */
    private void interrupt() {
        CallFuture call = solve;
        WampClient session = client;
        if (call == null || call.isDone() || session == null) {
            return;
        }
        interrupted = true;
        ProgressBar progress = bar;
        if (progress != null) {
            progress.finish();
        }
        err.println("solve: stopping the run ...");
        try {
            // the run id comes with the first progress result, half a second into the run
            String id = runId.get(3, TimeUnit.SECONDS);
            session.call(TspUris.STOP, Payload.of(null, Map.of("runId", id))).get(5, TimeUnit.SECONDS);
            reported.await(5, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            err.println("solve: could not stop the run: "
                    + (e.getCause() instanceof WampException error ? error.error() + ": " + message(error)
                    : "no answer"));
            call.cancel(CancelMode.KILL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int failure(@Nullable Throwable cause) {
        if (cause instanceof WampException error) {
            err.println("solve: " + error.error() + ": " + message(error));
        } else {
            err.println("solve: " + cause);
        }
        return FAILED;
    }

    /** The message of the innermost cause, e.g. {@code Connection refused}. */
    private static String rootMessage(@Nullable Throwable error) {
        Throwable root = error;
        while (root != null && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == null ? "no answer" : root.getMessage() != null ? root.getMessage() : root.toString();
    }

    /** The human-readable message of an error: its first positional argument, as the suite sends it. */
    private static String message(WampException error) {
        List<Object> args = error.args();
        if (!args.isEmpty() && args.getFirst() != null) {
            return String.valueOf(args.getFirst());
        }
        Object message = error.kwargs().get("message");
        return message != null ? String.valueOf(message) : "(no message)";
    }

    /** {@code tsp.solve}'s {@code problem}: by TSPLIB name, random, or inline from a file read here. */
    static Map<String, Object> problemArgument(ProblemSpec spec) throws IOException {
        return switch (spec) {
            case Options.TspLibName name -> Map.of("tsplib", name.name());
            case Options.Random random -> Map.of("random", Map.of("n", random.n(), "seed", random.seed()));
            case Options.TspLibFile file -> {
                Problem problem = TspLibReader.readProblem(file.file());
                ProblemPayload payload = ProblemPayload.of(problem);
                yield Map.of("name", payload.name(), "cities", payload.cities());
            }
        };
    }

    /** The WAMP client and Spring log through java.util.logging; their messages would break the progress bar. */
    private static void quietLogging() {
        LogManager.getLogManager().reset();
        Logger.getLogger("").setLevel(Level.OFF);
    }
}
