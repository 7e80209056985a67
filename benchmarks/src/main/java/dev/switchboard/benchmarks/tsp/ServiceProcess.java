package dev.switchboard.benchmarks.tsp;

import dev.switchboard.benchmarks.cli.ProcessLogs;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One of the suite's Spring Boot applications, started from (a copy of) its packaged jar as a JVM of its own, its
 * HTTP side on a free loopback port, its output in a log file. Stopped by {@link #close} or, if this JVM ends first,
 * by a shutdown hook.
 */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;
    private final Thread shutdownHook;
    private long lastCpuNanos;

    private ServiceProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
        this.shutdownHook = new Thread(this::stop, "suite-benchmark-stop-" + name);
    }

    /**
     * Starts {@code jar} as {@code name} with {@code jvmArguments}, {@code --server.port} (a free port) and
     * {@code --server.address=127.0.0.1}, then {@code arguments}; the log goes to {@code logDir/name.log}.
     */
    static ServiceProcess start(String name, Path jar, List<String> jvmArguments, List<String> arguments, Path logDir)
            throws IOException {
        int port = freePort();
        Path log = logDir.resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArguments);
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--server.address=127.0.0.1"));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServiceProcess service = new ServiceProcess(name, process, port, log);
        Runtime.getRuntime().addShutdownHook(service.shutdownHook);
        return service;
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** Waits until {@code /actuator/health} answers 200; fails with the log's tail if the process dies or is late. */
    void awaitHealthy(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // poll until the deadline
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " was not healthy within " + timeout + ":\n" + logTail());
    }

    boolean alive() {
        return process.isAlive();
    }

    /** The process's CPU time (user + system, all threads, from the OS) in nanoseconds; the last known once it ended. */
    synchronized long cpuNanos() {
        long now = process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
        if (now >= 0) {
            lastCpuNanos = now;
        }
        return lastCpuNanos;
    }

    String logTail() {
        return ProcessLogs.tail(log);
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs or ran anyway
        }
    }

    /** SIGTERM, then SIGKILL if it has not ended within 20 s. */
    private void stop() {
        if (!process.isAlive()) {
            return;
        }
        cpuNanos();
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
