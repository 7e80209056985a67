package dev.switchboard.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One third-party client's scenario script under {@code src/test/interop/}: started as a subprocess against a
 * router URL with one serializer, it prints one JSON line per check (see {@code node/harness.cjs}).
 *
 * @param client  the client's name, as the script reports it
 * @param command the interpreter and script, without the router arguments
 */
record InteropScenario(String client, List<String> command) {

    /** A script stops itself after this long, failing the check it is running; we wait a little longer. */
    static final Duration HARD_TIMEOUT = Duration.ofSeconds(30);
    static final Duration PROCESS_TIMEOUT = HARD_TIMEOUT.plusSeconds(10);

    static InteropScenario node(String client, String script) {
        return new InteropScenario(client, List.of("node", interopDirectory().resolve("node").resolve(script).toString()));
    }

    static InteropScenario python(String client, String script) {
        return new InteropScenario(client, List.of(InteropPrerequisites.PYTHON, "-B",
                interopDirectory().resolve("python").resolve(script).toString()));
    }

    /**
     * Runs the scenario with {@code serializer} against {@code url}; its stderr goes to a log file under target/.
     *
     * @param variant names this run (transport and serializer) in test names and the log file
     */
    InteropRun run(String url, String realm, String serializer, String variant) {
        return run(url, realm, serializer, variant, Map.of());
    }

    /**
     * Runs the scenario as {@link #run(String, String, String, String)} does, with {@code environment} added to the
     * script's environment (e.g. the credentials of an authentication scenario, kept off the command line).
     */
    InteropRun run(String url, String realm, String serializer, String variant, Map<String, String> environment) {
        List<String> arguments = new ArrayList<>(command);
        arguments.addAll(List.of("--url", url, "--realm", realm, "--serializer", serializer,
                "--hard-timeout-ms", Long.toString(HARD_TIMEOUT.toMillis())));
        Path log = Path.of("target", "interop-logs", client + "-" + variant + ".stderr.log");
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(arguments)
                    .directory(systemTestsDirectory().toFile())
                    .redirectError(log.toFile());
            builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
            builder.environment().remove("INTEROP_ONLY");
            builder.environment().putAll(environment);
            Process process = builder.start();
            process.getOutputStream().close();
            List<String> lines = Collections.synchronizedList(new ArrayList<>());
            Thread reader = Thread.ofVirtual().start(() -> {
                try (var out = process.inputReader(StandardCharsets.UTF_8)) {
                    out.lines().forEach(lines::add);
                } catch (IOException | UncheckedIOException ignored) {
                    // the process was killed
                }
            });
            boolean exited = process.waitFor(PROCESS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (!exited) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            reader.join(Duration.ofSeconds(5));
            Integer exitCode = exited ? process.exitValue() : null;
            synchronized (lines) {
                return InteropRun.parse(client, variant, List.copyOf(lines), exitCode, log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + arguments, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + arguments, e);
        }
    }

    @Override
    public String toString() {
        return client;
    }

    /** The {@code system-tests} module's directory. */
    static Path systemTestsDirectory() {
        return Path.of(System.getProperty("switchboard.root", ".."), "system-tests").toAbsolutePath().normalize();
    }

    static Path interopDirectory() {
        return systemTestsDirectory().resolve("src/test/interop");
    }
}
