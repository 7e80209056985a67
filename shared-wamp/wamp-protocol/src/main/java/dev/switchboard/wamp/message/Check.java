package dev.switchboard.wamp.message;

import dev.switchboard.wamp.IdGenerator;
import dev.switchboard.wamp.InvalidUriException;
import dev.switchboard.wamp.Match;
import dev.switchboard.wamp.WampUri;
import java.util.Set;

/**
 * The field rules every message record enforces when it is built, whoever builds it. A codec turns the
 * {@link IllegalArgumentException}s into protocol violations.
 */
final class Check {

    /** The messages an ERROR may answer. */
    private static final Set<Integer> REQUEST_TYPES = Set.of(Subscribe.TYPE, Unsubscribe.TYPE, Publish.TYPE,
            Register.TYPE, Unregister.TYPE, Call.TYPE, Cancel.TYPE, Invocation.TYPE);

    private Check() {
    }

    static void id(long id, String where) {
        if (!IdGenerator.isValidId(id)) {
            throw new IllegalArgumentException(where + " must be an id in [1, 2^53], got " + id);
        }
    }

    static void idOrZero(long id, String where) {
        if (id != 0) {
            id(id, where);
        }
    }

    static void uri(String uri, String where) {
        if (!WampUri.isValid(uri)) {
            throw new InvalidUriException(where + " must be a valid URI, got " + Values.describe(uri));
        }
    }

    static void pattern(String uri, Match match, String where) {
        if (!WampUri.isValid(uri, WampUri.Rules.LOOSE, match)) {
            throw new InvalidUriException(where + " must be a valid " + match.wireName() + " URI pattern, got "
                    + Values.describe(uri));
        }
    }

    static void requestType(int type) {
        if (!REQUEST_TYPES.contains(type)) {
            throw new IllegalArgumentException("ERROR.REQUEST.Type " + type + " is not a message that can fail");
        }
    }
}
