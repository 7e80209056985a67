package dev.switchboard.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An example worker of {@code examples/} (Python or Node.js) running as a subprocess; its output goes to a log file
 * under {@code target/service-logs/}.
 */
final class WorkerProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;

    private WorkerProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static WorkerProcess start(String name, List<String> command, Map<String, String> environment) throws IOException {
        Path log = Path.of("target", "service-logs", name + ".log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(InteropScenario.systemTestsDirectory().getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return new WorkerProcess(name, builder.start(), log);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String describe() {
        String state = process.isAlive() ? "running" : "exited with " + process.exitValue();
        try {
            List<String> lines = Files.readAllLines(log);
            return name + " (" + state + "):\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 30),
                    lines.size()));
        } catch (IOException e) {
            return name + " (" + state + ", no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
