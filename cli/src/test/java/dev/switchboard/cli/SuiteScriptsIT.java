package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The README's two suite commands end to end: {@code scripts/run.sh --compute 1} starts router, orchestrator, one
 * compute instance and the dashboard from their jars; {@code scripts/solve.sh berlin52 --budget 1s} solves on it; a
 * signal to run.sh (SIGINT as Ctrl-C gives it) stops every process it started.
 */
class SuiteScriptsIT {

    private static final Path ROOT = Path.of(System.getProperty("switchboard.root", "..")).toAbsolutePath().normalize();
    private static final String TICKET = "suite-scripts-it-" + Long.toHexString(System.nanoTime());
    /** Services on a shared, busy machine can take a while to start. */
    private static final long START_SECONDS = 300;

    @Test
    void runStartsTheSuiteSolveSolvesOnItAndASignalStopsEveryProcess() throws Exception {
        Path logs = Path.of("target", "suite-scripts-it").toAbsolutePath();
        Files.createDirectories(logs);
        Path output = logs.resolve("run.out");
        int base = freeBase();
        ProcessBuilder builder = new ProcessBuilder("bash", ROOT.resolve("scripts/run.sh").toString(), "--no-build",
                "--compute", "1", "--base-port", Integer.toString(base), "--logs", logs.resolve("services").toString(),
                "--timeout", Long.toString(START_SECONDS))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        Map<String, String> env = builder.environment();
        env.put("SWITCHBOARD_SERVICE_TICKET", TICKET);
        env.put("JAVA_OPTS", "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        Process run = builder.start();
        List<ProcessHandle> started = new ArrayList<>();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS * 2);
            while (!Files.readString(output).contains("Press Ctrl-C to stop.") && run.isAlive()
                    && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            String banner = Files.readString(output);
            assertThat(banner).as(banner).contains("Press Ctrl-C to stop.")
                    .contains("dashboard  http://localhost:" + (base + 1) + "/")
                    .contains("router     ws://localhost:" + base + "/ws")
                    .doesNotContain(TICKET);
            started.addAll(run.descendants().toList());
            assertThat(started).as("router, orchestrator, compute, ui").hasSize(4);
            for (ProcessHandle process : started) {
                String commandLine = process.info().commandLine().orElse("");
                assertThat(commandLine).as("the ticket is not on a command line").doesNotContain(TICKET)
                        .contains("--server.address=127.0.0.1");
            }

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + (base + 1) + "/")).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> config = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + (base + 1) + "/config.json")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as("the dashboard").isEqualTo(200);
            assertThat(config.body()).as("the browser is sent to the router")
                    .contains("\"ws://localhost:" + base + "/ws\"");

            Process solve = new ProcessBuilder("bash", ROOT.resolve("scripts/solve.sh").toString(), "berlin52",
                    "--budget", "1s", "--url", "ws://localhost:" + base + "/ws", "--no-progress")
                    .redirectErrorStream(true)
                    .start();
            String solved = new String(solve.getInputStream().readAllBytes());
            assertThat(solve.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(solve.exitValue()).as(solved).isZero();
            assertThat(solved).contains("(finished)").contains("problem        berlin52 (52 cities)")
                    .containsPattern("length         \\d+").contains("instances      1");

            signal(run.pid(), sigintIgnored() ? "TERM" : "INT");

            assertThat(run.waitFor(90, TimeUnit.SECONDS)).as("run.sh stops by itself").isTrue();
            assertThat(run.exitValue()).isEqualTo(130);
            for (ProcessHandle process : started) {
                assertThat(process.isAlive()).as(process + " is left").isFalse();
            }
            assertThat(processesWith("--server.port=" + base + " ")).as("no router left").isEmpty();
            assertThat(Files.readString(output)).contains("Stopping the suite").doesNotContain(TICKET);
        } finally {
            run.destroy();
            run.waitFor(60, TimeUnit.SECONDS);
            started.forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void aServiceNotHealthyInTimeIsNamedWithItsLogAndNothingIsLeft() throws Exception {
        Path logs = Path.of("target", "suite-scripts-it-timeout").toAbsolutePath();
        int base = freeBase();
        Process run = new ProcessBuilder("bash", ROOT.resolve("scripts/run.sh").toString(), "--no-build",
                "--compute", "1", "--base-port", Integer.toString(base), "--logs", logs.toString(), "--timeout", "0")
                .redirectErrorStream(true)
                .start();
        String output = new String(run.getInputStream().readAllBytes());

        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).as(output).isEqualTo(1);
        assertThat(output).contains("run.sh: router was not healthy within 0 s (port " + base + "); its log: "
                + logs.resolve("router.log"));
        assertThat(processesWith("--server.port=" + base + " ")).as("no router left").isEmpty();
    }

    @Test
    void aPortInUseOrAWrongOptionStopsRunBeforeItStartsAnything() throws Exception {
        int base = freeBase();
        try (ServerSocket taken = new ServerSocket(base + 2, 1, java.net.InetAddress.getLoopbackAddress())) {
            Process run = new ProcessBuilder("bash", ROOT.resolve("scripts/run.sh").toString(), "--no-build",
                    "--base-port", Integer.toString(base)).redirectErrorStream(true).start();
            String output = new String(run.getInputStream().readAllBytes());

            assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(run.exitValue()).isEqualTo(1);
            assertThat(output).contains("run.sh: port " + (base + 2) + " is in use").doesNotContain("Starting");
        }
        Process wrong = new ProcessBuilder("bash", ROOT.resolve("scripts/run.sh").toString(), "--compute", "two")
                .redirectErrorStream(true).start();
        assertThat(new String(wrong.getInputStream().readAllBytes()))
                .contains("run.sh: --compute needs a number, got 'two'");
        assertThat(wrong.waitFor()).isEqualTo(1);
        Process help = new ProcessBuilder("bash", ROOT.resolve("scripts/run.sh").toString(), "--help")
                .redirectErrorStream(true).start();
        assertThat(new String(help.getInputStream().readAllBytes())).startsWith("Usage: scripts/run.sh [options]");
        assertThat(help.waitFor()).isZero();
    }

    /** The processes whose command line contains {@code text}, as {@code pgrep -f} finds them. */
    private static List<String> processesWith(String text) {
        return ProcessHandle.allProcesses().map(process -> process.info().commandLine().orElse(""))
                .filter(commandLine -> commandLine.contains(text)).toList();
    }

    private static void signal(long pid, String signal) throws IOException, InterruptedException {
        assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start().waitFor()).isZero();
    }

    /**
     * Whether this JVM was started with SIGINT ignored (a build run in the background): its children inherit that,
     * and a shell cannot trap a signal ignored when it started, so SIGTERM stands in for Ctrl-C then.
     */
    private static boolean sigintIgnored() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return false;
        }
        return Files.readAllLines(status).stream().filter(line -> line.startsWith("SigIgn:"))
                .map(line -> Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16))
                .anyMatch(mask -> (mask & 0x2) != 0);
    }

    /** A base port whose suite ports (base .. base + 11) are all free now. */
    private static int freeBase() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base;
            try (ServerSocket socket = new ServerSocket(0)) {
                base = socket.getLocalPort();
            }
            if (base + 12 < 65535 && IntStream.rangeClosed(base, base + 11).allMatch(SuiteScriptsIT::free)) {
                return base;
            }
        }
        throw new IllegalStateException("no 12 free ports in a row");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
