package dev.switchboard.wamp;

/**
 * URI rules of the WAMP specification (basic profile, "URIs"; advanced profile, pattern-based subscription and
 * registration). URIs are dot-separated components:
 * <ul>
 *   <li>{@link Rules#LOOSE}: a component is any non-empty string without whitespace, {@code .} or {@code #}
 *       ({@code ^([^\s\.#]+\.)*([^\s\.#]+)$});</li>
 *   <li>{@link Rules#STRICT}: a component is made of lower-case letters, digits and {@code _}
 *       ({@code ^([0-9a-z_]+\.)*([0-9a-z_]+)$}).</li>
 * </ul>
 * A {@link Match#WILDCARD wildcard} pattern may have empty components anywhere; a {@link Match#PREFIX prefix}
 * pattern may have an empty last component (it may end with a dot). The {@code wamp.} prefix is reserved for the
 * router's own procedures and topics.
 */
public final class WampUri {

    /** The prefix of every URI the WAMP specification reserves. */
    public static final String RESERVED_PREFIX = "wamp.";

    /** Which characters a URI component may contain. */
    public enum Rules { STRICT, LOOSE }

    private WampUri() {
    }

    /** Whether {@code uri} is a valid URI, or pattern of the given match policy, under {@code rules}. */
    public static boolean isValid(String uri, Rules rules, Match match) {
        int length = uri.length();
        int componentStart = 0;
        for (int i = 0; i <= length; i++) {
            if (i == length || uri.charAt(i) == '.') {
                boolean empty = i == componentStart;
                if (empty && !emptyComponentAllowed(match, i == length)) {
                    return false;
                }
                componentStart = i + 1;
            } else if (!allowedInComponent(uri.charAt(i), rules)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code uri} is a valid exact URI under the loose rules, the minimum every message must meet. */
    public static boolean isValid(String uri) {
        return isValid(uri, Rules.LOOSE, Match.EXACT);
    }

    /** Whether {@code uri} lies in the namespace the specification reserves ({@code wamp.}). */
    public static boolean isReserved(String uri) {
        return uri.startsWith(RESERVED_PREFIX);
    }

    private static boolean emptyComponentAllowed(Match match, boolean last) {
        return match == Match.WILDCARD || (match == Match.PREFIX && last);
    }

    private static boolean allowedInComponent(char c, Rules rules) {
        if (rules == Rules.STRICT) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
        }
        return c != '#' && !Character.isWhitespace(c) && !Character.isSpaceChar(c);
    }
}
