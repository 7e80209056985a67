package dev.switchboard.tsp.tsplib;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The optimal tour lengths listed in a TSPLIB {@code SOURCE.txt} as bundled with the suite: after the line that starts
 * with {@code Optimal lengths} and its colon, pairs {@code name length} separated by commas, e.g.
 * {@code berlin52 7542, kroA100 21282}.
 */
public final class TspLibOptima {

    private static final Pattern ENTRY = Pattern.compile("([A-Za-z][\\w.-]*) (\\d+)");

    private TspLibOptima() {
    }

    /** The optimal lengths by instance name, in the order listed; empty when the text lists none. */
    public static Map<String, Long> parse(CharSequence sourceText) {
        String text = sourceText.toString();
        int heading = text.indexOf("Optimal lengths");
        Map<String, Long> optima = new LinkedHashMap<>();
        if (heading < 0) {
            return optima;
        }
        int colon = text.indexOf(':', heading);
        Matcher matcher = ENTRY.matcher(text.substring(colon < 0 ? heading : colon + 1));
        while (matcher.find()) {
            optima.put(matcher.group(1), Long.parseLong(matcher.group(2)));
        }
        return optima;
    }
}
