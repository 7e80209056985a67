package dev.switchboard.wamp.matching;

import dev.switchboard.wamp.Match;

/**
 * A URI together with the policy it is matched by: the key of a {@link UriPatternIndex}. The same URI under two
 * policies is two patterns ({@code SUBSCRIBE.Topic} plus {@code Options.match}, or {@code REGISTER.Procedure} plus
 * {@code Options.match}).
 *
 * <p>The URI is taken as already validated by the codec. A {@link Match#WILDCARD wildcard} pattern's components are
 * separated by {@code .}; an empty component, also at the start or end ({@code .foo}, {@code com.}), stands for any
 * one component.
 *
 * @param uri the URI or URI pattern
 * @param match how {@code uri} is matched
 */
public record UriPattern(String uri, Match match) {

    /** A pattern that matches only {@code uri} itself. */
    public static UriPattern exact(String uri) {
        return new UriPattern(uri, Match.EXACT);
    }

    /** A pattern that matches every URI starting with {@code prefix}, character by character. */
    public static UriPattern prefix(String prefix) {
        return new UriPattern(prefix, Match.PREFIX);
    }

    /** A pattern whose empty components each match any one component. */
    public static UriPattern wildcard(String pattern) {
        return new UriPattern(pattern, Match.WILDCARD);
    }
}
