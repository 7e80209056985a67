package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressBarTests {

    private static Map<String, Object> state(long elapsedMs, long budgetMs, Long length, Double gap, int instances,
                                             double proposalsPerSec) {
        Map<String, Object> state = new HashMap<>();
        state.put("runId", "run-1");
        state.put("state", "running");
        state.put("elapsedMs", elapsedMs);
        state.put("budgetMs", budgetMs);
        state.put("length", length);
        state.put("gap", gap);
        state.put("instances", Collections.nCopies(instances, Map.of("instanceId", "c")));
        state.put("proposalsPerSec", proposalsPerSec);
        return state;
    }

    @Test
    void showsTheShareOfTheBudgetTheBestLengthItsGapTheInstancesAndTheRate() {
        String line = ProgressBar.render(state(2_500, 5_000, 7_712L, 2.254, 2, 1_254_000));

        assertThat(line).isEqualTo(
                "[############------------]  2.5s/5.0s  best 7712  gap 2.25%  2 instances  1.25M proposals/s");
    }

    @Test
    void beforeTheFirstResultAndWithoutAnOptimum() {
        Map<String, Object> state = state(0, 5_000, null, null, 1, 0);
        state.put("state", "queued");

        assertThat(ProgressBar.render(state))
                .isEqualTo("[------------------------]  0.0s/5.0s  queued  best -  1 instance  0 proposals/s");
    }

    @Test
    void theBarIsFullAtTheBudgetAndNeverOverflows() {
        assertThat(ProgressBar.render(state(5_000, 5_000, 100L, 0.0, 3, 950)))
                .startsWith("[" + "#".repeat(ProgressBar.WIDTH) + "]  5.0s/5.0s  best 100  gap 0.00%  3 instances");
        assertThat(ProgressBar.render(state(7_300, 5_000, 100L, null, 3, 950)))
                .startsWith("[" + "#".repeat(ProgressBar.WIDTH) + "]  7.3s/5.0s");
    }

    @Test
    void toleratesMissingFields() {
        assertThat(ProgressBar.render(Map.of()))
                .isEqualTo("[------------------------]  0.0s/0.0s  best -  0 instances  0 proposals/s");
    }

    @Test
    void redrawsInPlaceBlankingWhatALongerLineLeftAndEndsTheLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        Map<String, Object> first = state(500, 5_000, 123_456L, 12.5, 2, 12_345_678);
        Map<String, Object> second = state(1_000, 5_000, 99L, 0.5, 2, 5);
        String firstLine = ProgressBar.render(first);
        String secondLine = ProgressBar.render(second);

        bar.update(first);
        bar.update(second);
        bar.finish();
        bar.finish();

        assertThat(secondLine.length()).isLessThan(firstLine.length());
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("\r" + firstLine + "\r" + secondLine
                + " ".repeat(firstLine.length() - secondLine.length()) + System.lineSeparator());
    }

    @Test
    void finishWithoutAnUpdateWritesNothing() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8)).finish();

        assertThat(bytes.size()).isZero();
    }
}
