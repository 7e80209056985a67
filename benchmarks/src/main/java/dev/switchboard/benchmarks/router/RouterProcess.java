package dev.switchboard.benchmarks.router;

import com.sun.tools.attach.VirtualMachine;
import dev.switchboard.benchmarks.cli.ProcessLogs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.jspecify.annotations.Nullable;

/**
 * The router under test: its jar started as a JVM of its own on free loopback ports (HTTP for the actuator, a TCP port
 * for RawSocket), with output going to a log file. Stopped by {@link #close} or, if this JVM ends first, by a
 * shutdown hook. Reads the process's CPU time from the OS, its metrics from {@code /actuator/metrics}, and its heap
 * and allocation counters over JMX (the management agent started through the attach API).
 */
public final class RouterProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern VALUE = Pattern.compile(
            "\"statistic\"\\s*:\\s*\"(?:VALUE|COUNT)\"\\s*,\\s*\"value\"\\s*:\\s*([-0-9.Ee+]+)");

    private final Process process;
    private final int httpPort;
    private final int rawSocketPort;
    private final Path log;
    private final Path jar;
    private final List<String> command;
    private final Thread shutdownHook;
    private boolean jmxTried;
    private @Nullable JMXConnector jmx;
    private @Nullable MemoryMXBean memory;
    private com.sun.management.@Nullable ThreadMXBean threads;

    private RouterProcess(Process process, int httpPort, int rawSocketPort, Path log, Path jar,
                          List<String> command) {
        this.process = process;
        this.httpPort = httpPort;
        this.rawSocketPort = rawSocketPort;
        this.log = log;
        this.jar = jar;
        this.command = command;
        this.shutdownHook = new Thread(this::stop, "router-load-stop-router");
    }

    /**
     * Starts a copy of {@code jar} with {@code jvmArguments} (heap, JFR …) on free loopback ports, logging to
     * {@code log}. The copy (next to the log, deleted when the router stops) keeps the router running when the jar is
     * rebuilt meanwhile.
     */
    public static RouterProcess start(Path jar, List<String> jvmArguments, Path log) throws IOException {
        int httpPort = freePort();
        int rawSocketPort = freePort();
        Files.createDirectories(log.toAbsolutePath().getParent());
        Path copy = log.resolveSibling(log.getFileName().toString().replaceFirst("\\.log$", "") + ".jar");
        Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArguments);
        command.addAll(List.of("-jar", copy.toString(),
                "--server.port=" + httpPort,
                "--server.address=127.0.0.1",
                "--switchboard.router.transport.rawsocket.host=127.0.0.1",
                "--switchboard.router.transport.rawsocket.port=" + rawSocketPort));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        RouterProcess router = new RouterProcess(process, httpPort, rawSocketPort, log, copy, List.copyOf(command));
        Runtime.getRuntime().addShutdownHook(router.shutdownHook);
        return router;
    }

    public long pid() {
        return process.pid();
    }

    List<String> command() {
        return command;
    }

    public Path log() {
        return log;
    }

    /** The router's WebSocket endpoint, {@code ws://127.0.0.1:PORT/ws}. */
    public URI webSocketUrl() {
        return URI.create("ws://127.0.0.1:" + httpPort + "/ws");
    }

    InetSocketAddress rawSocketAddress() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), rawSocketPort);
    }

    /** Waits until {@code /actuator/health} answers 200; fails with the log's tail if the router dies or is late. */
    public void awaitHealthy(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the router exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                if (get("/actuator/health").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // poll until the deadline
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the router was not healthy within " + timeout + ":\n" + logTail());
    }

    /** The router's CPU time (user + system, all threads, as the OS counts it) in nanoseconds. */
    public long cpuNanos() {
        return process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    /** A gauge or counter from {@code /actuator/metrics/{name}} with tags {@code key:value}, or NaN. */
    double metric(String name, String... tags) {
        StringBuilder path = new StringBuilder("/actuator/metrics/").append(name);
        for (int i = 0; i < tags.length; i++) {
            path.append(i == 0 ? '?' : '&').append("tag=").append(tags[i]);
        }
        try {
            HttpResponse<String> response = get(path.toString());
            Matcher value = VALUE.matcher(response.body());
            return response.statusCode() == 200 && value.find() ? Double.parseDouble(value.group(1)) : Double.NaN;
        } catch (IOException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    /** Collects garbage (full GCs until the figure settles) and answers the heap in use, or -1 without JMX. */
    long heapUsedAfterGc() {
        MemoryMXBean bean = memoryBean();
        if (bean == null) {
            return -1;
        }
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            bean.gc();
            long now = bean.getHeapMemoryUsage().getUsed();
            if (Math.abs(used - now) < 64 * 1024) {
                return now;
            }
            used = now;
        }
        return used;
    }

    /** Bytes allocated on the heap by all threads since start, or -1 where unknown. */
    long allocatedBytes() {
        com.sun.management.ThreadMXBean bean = threadBean();
        if (bean == null) {
            return -1;
        }
        try {
            return bean.getTotalThreadAllocatedBytes();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** Connects JMX now (starting the router's local management agent), so that it is not done in a measurement. */
    boolean connectJmx() {
        return memoryBean() != null;
    }

    private synchronized @Nullable MemoryMXBean memoryBean() {
        if (!jmxTried) {
            jmxTried = true;
            try {
                VirtualMachine vm = VirtualMachine.attach(Long.toString(process.pid()));
                String address;
                try {
                    address = vm.startLocalManagementAgent();
                } finally {
                    vm.detach();
                }
                JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
                jmx = connector;
                MBeanServerConnection connection = connector.getMBeanServerConnection();
                memory = ManagementFactory.newPlatformMXBeanProxy(connection, ManagementFactory.MEMORY_MXBEAN_NAME,
                        MemoryMXBean.class);
                threads = ManagementFactory.newPlatformMXBeanProxy(connection, ManagementFactory.THREAD_MXBEAN_NAME,
                        com.sun.management.ThreadMXBean.class);
            } catch (Exception | LinkageError e) {
                System.err.println("router-load: no JMX connection to the router (" + e
                        + "); heap and allocation figures are left out");
                jmx = null;
                memory = null;
            }
        }
        return memory;
    }

    private com.sun.management.@Nullable ThreadMXBean threadBean() {
        memoryBean();
        return threads;
    }

    public String logTail() {
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

    private synchronized void stop() {
        jmxTried = true;
        if (jmx != null) {
            try {
                jmx.close();
            } catch (IOException | RuntimeException ignored) {
                // the process goes anyway
            }
            jmx = null;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(jar);
        } catch (IOException e) {
            // a stale copy in the log directory is harmless
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** {@code router-service/target/router-service-*.jar} under the working directory or the repository root. */
    public static Path findJar() {
        List<Path> roots = new ArrayList<>(List.of(Path.of(""), Path.of("..")));
        try {
            Path benchmarksJar = Path.of(RouterProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Optional.ofNullable(benchmarksJar.toAbsolutePath().getParent()) // benchmarks/target
                    .map(Path::getParent).map(Path::getParent).ifPresent(roots::add);
        } catch (URISyntaxException | RuntimeException e) {
            // only the working directory then
        }
        for (Path root : roots) {
            Path target = root.resolve("router-service").resolve("target");
            if (!Files.isDirectory(target)) {
                continue;
            }
            try (Stream<Path> files = Files.list(target)) {
                Optional<Path> jar = files
                        .filter(p -> p.getFileName().toString().matches("router-service-[^-]+(-SNAPSHOT)?\\.jar"))
                        .findFirst();
                if (jar.isPresent()) {
                    return jar.get().toAbsolutePath().normalize();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no router-service/target/router-service-*.jar found; build it with "
                + "./mvnw -B -q -pl router-service -am package -DskipTests, or pass --router-jar=PATH");
    }
}
