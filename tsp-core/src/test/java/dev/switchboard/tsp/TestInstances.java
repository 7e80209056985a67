package dev.switchboard.tsp;

import dev.switchboard.tsp.tsplib.TspLibReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The TSPLIB instances copied into the test resources, and their optimal lengths from SOURCE.txt. */
public final class TestInstances {

    private TestInstances() {
    }

    public static Problem problem(String name) {
        try (Reader reader = resource(name + ".tsp")) {
            return TspLibReader.readProblem(reader, name + ".tsp");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Tour optimalTour(String name) {
        try (Reader reader = resource(name + ".opt.tour")) {
            return TspLibReader.readTour(reader, name + ".opt.tour");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The optimal lengths listed in SOURCE.txt. */
    public static Map<String, Long> optima() {
        try (Reader reader = resource("SOURCE.txt")) {
            String text = new String(readAll(reader));
            String list = text.substring(text.indexOf("Optimal lengths"));
            Map<String, Long> optima = new LinkedHashMap<>();
            Matcher matcher = Pattern.compile("(\\w+) (\\d+)").matcher(list.substring(list.indexOf(':') + 1));
            while (matcher.find()) {
                optima.put(matcher.group(1), Long.parseLong(matcher.group(2)));
            }
            return optima;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Reader resource(String file) {
        InputStream in = TestInstances.class.getResourceAsStream("/tsplib/" + file);
        return new InputStreamReader(Objects.requireNonNull(in, file), StandardCharsets.US_ASCII);
    }

    private static char[] readAll(Reader reader) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[4096];
        for (int read = reader.read(buffer); read >= 0; read = reader.read(buffer)) {
            text.append(buffer, 0, read);
        }
        return text.toString().toCharArray();
    }
}
