package dev.switchboard.benchmarks.tsp;

import dev.switchboard.tsp.Problem;
import dev.switchboard.tsp.tsplib.TspLibOptima;
import dev.switchboard.tsp.tsplib.TspLibReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The TSPLIB instances bundled under {@code /tsplib} and their optimal lengths from the bundled SOURCE.txt. */
final class Instances {

    private Instances() {
    }

    static Problem load(String name) {
        try (Reader reader = open(name + ".tsp")) {
            return TspLibReader.readProblem(reader, name + ".tsp");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Long> optima() {
        try (Reader reader = open("SOURCE.txt")) {
            StringBuilder text = new StringBuilder();
            char[] buffer = new char[4096];
            for (int read = reader.read(buffer); read >= 0; read = reader.read(buffer)) {
                text.append(buffer, 0, read);
            }
            return TspLibOptima.parse(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reader open(String file) {
        InputStream in = Instances.class.getResourceAsStream("/tsplib/" + file);
        if (in == null) {
            throw new IllegalArgumentException("no bundled TSPLIB file " + file);
        }
        return new InputStreamReader(in, StandardCharsets.US_ASCII);
    }
}
