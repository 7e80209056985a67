package dev.switchboard.wamp.matching;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Maps URI patterns (exact, prefix, wildcard) to one value each and finds the values whose patterns match a URI:
 * all of them for the broker ({@link #matchAll}), the single best one for the dealer and the authorizer
 * ({@link #bestMatch}).
 *
 * <p>Matching, as in the advanced profile's "Pattern-based Subscriptions" and "Pattern-based Registrations":
 * <ul>
 *   <li>{@link dev.switchboard.wamp.Match#EXACT exact}: the URI equals the pattern.
 *   <li>{@link dev.switchboard.wamp.Match#PREFIX prefix}: the URI starts with the pattern as a plain string, so
 *       {@code com.myapp.topic.emergency} matches {@code com.myapp.topic.emergency-low} and {@code com.myapp}
 *       matches {@code com.myapp2.foo} (the spec's own examples; Crossbar keeps prefixes in a string trie too).
 *       A pattern equal to the URI matches it; the empty pattern matches every URI.
 *   <li>{@link dev.switchboard.wamp.Match#WILDCARD wildcard}: the URI has as many {@code .}-separated components as
 *       the pattern, and each non-empty pattern component equals the URI's component at that position; an empty
 *       pattern component, also the first or last ({@code .foo}, {@code com.}), matches any one component.
 * </ul>
 *
 * <p>Precedence of {@link #bestMatch}, the algorithm the spec says a dealer MUST apply ("Pattern-based
 * Registrations", "Calls matching multiple registrations"): an exact match; otherwise the longest matching prefix
 * (all matching prefixes are prefixes of one URI, so the longest is unique and never has fewer components);
 * otherwise the wildcard pattern with "the longest portion of URI components matched before each wildcard",
 * compared portion by portion from the left. That tie-break is the same as: at the first component where two
 * matching wildcard patterns differ, the one with a literal component wins over the one with a wildcard. Two
 * distinct patterns matching the same URI always differ somewhere, so the winner is unique. Crossbar's wildcard
 * matcher, which tries the literal branch before the wildcard branch and takes the first match, picks the same
 * pattern.
 *
 * <p>Not thread-safe: the router changes routing state only on its realm's single writer, and lookups from other
 * threads need the caller's own synchronization. URIs are taken as already validated by the codec.
 *
 * @param <V> the value stored per pattern: a subscription, a registration, a permission rule
 */
public final class UriPatternIndex<V> {

    private final Map<String, Entry<V>> exact = new HashMap<>();
    private final PrefixTrie<V> prefix = new PrefixTrie<>();
    private final WildcardTrie<V> wildcard = new WildcardTrie<>();

    /**
     * A pattern with its value, as handed out by {@link #bestMatch}.
     *
     * @param pattern the pattern that matched
     * @param value the value stored under it
     * @param <V> the value type of the index
     */
    public record Entry<V>(UriPattern pattern, V value) {}

    /** Stores {@code value} under {@code pattern}; returns the value it replaced, or {@code null}. */
    public @Nullable V put(UriPattern pattern, V value) {
        Entry<V> entry = new Entry<>(pattern, value);
        Entry<V> previous = switch (pattern.match()) {
            case EXACT -> exact.put(pattern.uri(), entry);
            case PREFIX -> prefix.put(entry);
            case WILDCARD -> wildcard.put(entry);
        };
        return previous == null ? null : previous.value();
    }

    /** The value stored under {@code pattern} itself (not a match), or {@code null}. */
    public @Nullable V get(UriPattern pattern) {
        Entry<V> entry = switch (pattern.match()) {
            case EXACT -> exact.get(pattern.uri());
            case PREFIX -> prefix.get(pattern.uri());
            case WILDCARD -> wildcard.get(pattern.uri());
        };
        return entry == null ? null : entry.value();
    }

    /** Removes {@code pattern}; returns the value it had, or {@code null} when it was not stored. */
    public @Nullable V remove(UriPattern pattern) {
        Entry<V> removed = switch (pattern.match()) {
            case EXACT -> exact.remove(pattern.uri());
            case PREFIX -> prefix.remove(pattern.uri());
            case WILDCARD -> wildcard.remove(pattern.uri());
        };
        return removed == null ? null : removed.value();
    }

    /** The number of patterns stored. */
    public int size() {
        return exact.size() + prefix.size() + wildcard.size();
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    /**
     * The values of every pattern matching {@code uri}, in {@link #bestMatch} precedence: the exact match, then the
     * matching prefixes longest first, then the matching wildcards best first. The list is unmodifiable; when
     * nothing matches it is the shared empty list.
     */
    public List<V> matchAll(String uri) {
        Entry<V> exactMatch = exact.get(uri);
        if (prefix.size() == 0 && wildcard.size() == 0) {
            return exactMatch == null ? List.of() : List.of(exactMatch.value());
        }
        List<V> matches = new ArrayList<>();
        if (exactMatch != null) {
            matches.add(exactMatch.value());
        }
        if (prefix.size() != 0) {
            int first = matches.size();
            prefix.collectMatches(uri, matches);
            if (matches.size() - first > 1) {
                Collections.reverse(matches.subList(first, matches.size()));
            }
        }
        if (wildcard.size() != 0) {
            wildcard.collectMatches(uri, matches);
        }
        return switch (matches.size()) {
            case 0 -> List.of();
            case 1 -> List.of(matches.getFirst());
            default -> Collections.unmodifiableList(matches);
        };
    }

    /**
     * The pattern a dealer routes a call to {@code uri} to, with its value, or {@code null} when none matches
     * ({@code wamp.error.no_such_procedure}). The precedence is in the class description.
     */
    public @Nullable Entry<V> bestMatch(String uri) {
        Entry<V> best = exact.get(uri);
        if (best == null && prefix.size() != 0) {
            best = prefix.longestMatch(uri);
        }
        if (best == null && wildcard.size() != 0) {
            best = wildcard.bestMatch(uri);
        }
        return best;
    }
}
