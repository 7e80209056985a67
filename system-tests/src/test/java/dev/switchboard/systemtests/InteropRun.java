package dev.switchboard.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What one run of a scenario script reported: the checks it planned, the result of each, and how the process ended.
 * Each planned check becomes a JUnit test of its own, so a failure names the feature, client, transport and serializer.
 *
 * @param exitCode {@code null} when the process had to be killed
 */
record InteropRun(String client, String variant, List<String> plan, Map<String, Check> checks,
                  @Nullable String summary, @Nullable String fatal, List<String> otherOutput,
                  @Nullable Integer exitCode, Path stderrLog) {

    /** A check's result line: {@code {"check":…, "status":"pass"|"fail"|"skip", "ms":…, "detail":…, "needs":…}}. */
    record Check(String name, String status, @Nullable String detail, long ms, @Nullable String needs) {
    }

    static InteropRun parse(String client, String variant, List<String> lines, @Nullable Integer exitCode,
                            Path stderrLog) {
        List<String> plan = new ArrayList<>();
        Map<String, Check> checks = new LinkedHashMap<>();
        List<String> otherOutput = new ArrayList<>();
        String summary = null;
        String fatal = null;
        for (String line : lines) {
            JsonNode json = json(line);
            if (json == null) {
                otherOutput.add(line);
            } else if (json.has("plan")) {
                json.get("plan").forEach(name -> plan.add(name.asString()));
            } else if (json.has("check")) {
                Check check = new Check(json.get("check").asString(), json.path("status").asString(""),
                        text(json, "detail"), json.path("ms").asLong(0), text(json, "needs"));
                checks.put(check.name(), check);
            } else if (json.has("summary")) {
                summary = json.get("summary").toString();
            } else if (json.has("fatal")) {
                fatal = json.toString();
            } else {
                otherOutput.add(line);
            }
        }
        return new InteropRun(client, variant, List.copyOf(plan), checks, summary, fatal, List.copyOf(otherOutput),
                exitCode, stderrLog);
    }

    /**
     * One test per planned check (passed, failed with the script's account, or aborted with the reason the client
     * cannot express it), then one that the script itself ran to its end.
     */
    Stream<DynamicTest> tests() {
        Stream<DynamicTest> perCheck = plan.stream().map(name -> DynamicTest.dynamicTest(name, () -> verify(name)));
        return Stream.concat(perCheck, Stream.of(DynamicTest.dynamicTest("(script completed)", this::verifyCompleted)));
    }

    private void verify(String name) {
        Check check = checks.get(name);
        String where = client + " / " + variant + " / " + name;
        if (check == null) {
            Assertions.fail(where + ": no result; the script ended early (" + ending() + ")\n" + stderrTail());
        }
        switch (check.status()) {
            case "pass" -> { }
            // A requirement is something the router announces, so a check that needs one is never merely not run.
            case "skip" -> {
                if (check.needs() != null) {
                    Assertions.fail(where + " was skipped, but it needs " + check.needs()
                            + ", which the router announces: " + check.detail());
                }
                Assumptions.abort(where + " not run: " + check.detail());
            }
            case "fail" -> Assertions.fail(where + " failed: " + check.detail()
                    + (check.needs() != null ? " (needs " + check.needs() + ")" : ""));
            default -> Assertions.fail(where + ": unknown status " + check.status());
        }
    }

    private void verifyCompleted() {
        assertThat(plan).as("%s / %s planned no checks (%s)\n%s", client, variant, ending(), stderrTail())
                .isNotEmpty();
        assertThat(fatal).as("%s / %s", client, variant).isNull();
        assertThat(summary).as("%s / %s printed no summary (%s)\n%s", client, variant, ending(), stderrTail())
                .isNotNull();
        assertThat(otherOutput).as("%s / %s printed lines that are not results", client, variant).isEmpty();
        boolean anyFailed = checks.values().stream().anyMatch(c -> c.status().equals("fail"));
        assertThat(exitCode).as("%s / %s exit code\n%s", client, variant, stderrTail()).isEqualTo(anyFailed ? 1 : 0);
    }

    private String ending() {
        if (exitCode == null) {
            return "killed after " + InteropScenario.PROCESS_TIMEOUT.toSeconds() + " s";
        }
        return fatal != null ? fatal : "exit code " + exitCode;
    }

    private String stderrTail() {
        try {
            List<String> lines = Files.readAllLines(stderrLog);
            return "stderr (" + stderrLog + "):\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no stderr log: " + e.getMessage() + ")";
        }
    }

    private static @Nullable JsonNode json(String line) {
        if (!line.startsWith("{")) {
            return null;
        }
        try {
            return JsonMapper.shared().readTree(line);
        } catch (JacksonException notJson) {
            return null;
        }
    }

    private static @Nullable String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
