package dev.switchboard.tsp.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TspUrisTests {

    @Test
    void namesEveryProcedureAndTopicOfTheContract() {
        String[] uris = Arrays.stream(TspUris.class.getFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()))
                .map(TspUrisTests::value)
                .toArray(String[]::new);

        assertThat(uris).containsExactlyInAnyOrder("tsp.solve", "tsp.stop", "tsp.runs.list", "tsp.runs.get",
                "tsp.problems.list", "tsp.problem.get", "tsp.compute.anneal", "tsp.ui.history", "tsp.run.started",
                "tsp.run.progress", "tsp.run.best", "tsp.run.finished", "tsp.compute.load", "tsp.error.no_such_run", "tsp.error.no_compute",
                "tsp.error.busy");
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }
}
