package dev.switchboard.tsp.tsplib;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TspLibOptimaTests {

    @Test
    void readsEveryOptimumOfTheBundledSourceFile() throws IOException {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/tsplib/SOURCE.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }

        assertThat(TspLibOptima.parse(text)).containsEntry("berlin52", 7542L).containsEntry("kroA100", 21282L)
                .containsEntry("pr2392", 378032L).hasSize(12);
    }

    @Test
    void textWithoutTheListHasNoOptima() {
        assertThat(TspLibOptima.parse("TSPLIB95 instances\nDistance: nint")).isEmpty();
    }
}
