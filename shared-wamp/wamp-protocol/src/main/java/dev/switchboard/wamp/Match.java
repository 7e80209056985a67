package dev.switchboard.wamp;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How a subscription's topic or a registration's procedure is matched against the URIs of publications and calls
 * (advanced profile: pattern-based subscription and registration, {@code Options.match}).
 */
public enum Match {
    /** The URI must equal the pattern. The default when {@code match} is absent. */
    EXACT,
    /** The URI must start with the pattern ({@code com.myapp} matches {@code com.myapp.foo} and {@code com.myapp}). */
    PREFIX,
    /** Component-wise: an empty pattern component matches any one component ({@code com..create}). */
    WILDCARD;

    /** The value as written in {@code Options.match}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The policy named {@code wireName}, or {@code null} when it names none. */
    public static @Nullable Match fromWireName(String wireName) {
        return switch (wireName) {
            case "exact" -> EXACT;
            case "prefix" -> PREFIX;
            case "wildcard" -> WILDCARD;
            default -> null;
        };
    }
}
