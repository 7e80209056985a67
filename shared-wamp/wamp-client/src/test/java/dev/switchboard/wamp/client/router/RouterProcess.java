package dev.switchboard.wamp.client.router;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * The Switchboard router, run from its packaged jar ({@code router-service/target}) as a separate JVM on a loopback
 * port, with its RawSocket transport on a free loopback port too. It can be stopped and started again on the same
 * port. Its output goes to {@code target/router-logs/}.
 */
public final class RouterProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    /** Quick to start, slower to run: right for tests, wrong for benchmarks. */
    private static final List<String> TEST_JVM = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final int port;
    private final List<String> jvmOptions;
    private final List<String> arguments;
    private final @Nullable SSLContext ssl;
    private @Nullable Process process;
    private @Nullable Path log;
    private int starts;

    private RouterProcess(int port, List<String> jvmOptions, List<String> arguments, @Nullable SSLContext ssl) {
        this.port = port;
        this.jvmOptions = jvmOptions;
        this.arguments = arguments;
        this.ssl = ssl;
    }

    /** A router on a free port, started and healthy. */
    public static RouterProcess launch(String... arguments) throws IOException, InterruptedException {
        return launchWith(null, arguments);
    }

    /**
     * A router whose web server uses TLS ({@code server.ssl.*} in {@code arguments}); {@code trust} is how this side
     * checks it is healthy.
     */
    public static RouterProcess launchWith(@Nullable SSLContext trust, String... arguments)
            throws IOException, InterruptedException {
        RouterProcess router = new RouterProcess(freePort(), TEST_JVM, List.of(arguments), trust);
        router.start();
        return router;
    }

    /** A router on a free port with the given JVM options (e.g. none, for full JIT compilation in benchmarks). */
    public static RouterProcess launchWithJvmOptions(List<String> jvmOptions, String... arguments)
            throws IOException, InterruptedException {
        RouterProcess router = new RouterProcess(freePort(), List.copyOf(jvmOptions), List.of(arguments), null);
        router.start();
        return router;
    }

    /** Starts the router (again) on its port and waits until it is healthy. */
    public void start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the router is running already");
        }
        log = Path.of("target", "router-logs", "router-" + port + "-" + (++starts) + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(javaExecutable()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar().toString(), "--server.port=" + port, "--server.address=127.0.0.1",
                "--switchboard.router.transport.rawsocket.host=127.0.0.1",
                "--switchboard.router.transport.rawsocket.port=0"));
        command.addAll(arguments);
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        awaitHealthy();
    }

    /** Stops the router as an operator would (SIGTERM: it says GOODBYE to its sessions) and waits for it. */
    public void stop() throws InterruptedException {
        Process running = process;
        if (running != null && running.isAlive()) {
            running.destroy();
            if (!running.waitFor(20, TimeUnit.SECONDS)) {
                running.destroyForcibly().waitFor();
            }
        }
    }

    /** Kills the router at once (SIGKILL): its connections just drop. */
    public void kill() throws InterruptedException {
        Process running = process;
        if (running != null && running.isAlive()) {
            running.destroyForcibly().waitFor();
        }
    }

    /** Freezes the router (SIGSTOP): its connections stay open, but it answers nothing, not even pings. */
    public void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** Lets a {@link #pause() paused} router run again (SIGCONT). */
    public void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        Process running = process;
        if (running == null || !running.isAlive()) {
            throw new IllegalStateException("the router is not running");
        }
        Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(running.pid()))
                .redirectErrorStream(true).start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IllegalStateException("kill -" + name + " " + running.pid() + " failed: "
                    + new String(kill.getInputStream().readAllBytes()));
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    public int port() {
        return port;
    }

    /** The WAMP WebSocket endpoint, {@code ws://127.0.0.1:port/ws} (or {@code wss://} with TLS). */
    public URI webSocketUrl() {
        return URI.create((ssl == null ? "ws" : "wss") + "://127.0.0.1:" + port + "/ws");
    }

    private void awaitHealthy() throws InterruptedException {
        HttpClient http = (ssl == null ? HttpClient.newBuilder() : HttpClient.newBuilder().sslContext(ssl))
                .connectTimeout(Duration.ofSeconds(2)).build();
        URI health = URI.create((ssl == null ? "http" : "https") + "://127.0.0.1:" + port + "/actuator/health");
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the router exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(health)
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // poll until the deadline
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the router was not healthy within " + START_TIMEOUT + ":\n" + logTail());
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static Path jar() {
        Path target = Path.of(System.getProperty("switchboard.root", "../.."), "router-service", "target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches("router-service-[^-]+(-SNAPSHOT)?\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no packaged router jar in " + target
                            + "; build it with ./mvnw -pl router-service -am package -DskipTests"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + target, e);
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** A port free on this machine now. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
