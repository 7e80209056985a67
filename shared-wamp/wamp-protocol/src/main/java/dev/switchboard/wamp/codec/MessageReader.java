package dev.switchboard.wamp.codec;

import dev.switchboard.wamp.IdGenerator;
import dev.switchboard.wamp.ProtocolViolationException;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.Values;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reads the elements of one message's value list in order, each checked for its type. */
final class MessageReader {

    private final String message;
    private final List<Object> values;
    private int next = 1;

    MessageReader(String message, List<Object> values) {
        this.message = message;
        this.values = values;
    }

    private Object take(String element) {
        if (next >= values.size()) {
            throw new ProtocolViolationException(message + " is missing its " + element + " element");
        }
        return values.get(next++);
    }

    private ProtocolViolationException invalid(String element, String expected, @Nullable Object value) {
        return new ProtocolViolationException(message + "." + element + " must be " + expected + ", got "
                + Values.describe(value));
    }

    long id(String element) {
        Object value = take(element);
        Long id = Values.integral(value);
        if (id != null && IdGenerator.isValidId(id)) {
            return id;
        }
        throw invalid(element, "an id (an integer in [1, 2^53])", value);
    }

    long idOrZero(String element) {
        Object value = take(element);
        Long id = Values.integral(value);
        if (id != null && (id == 0 || IdGenerator.isValidId(id))) {
            return id;
        }
        throw invalid(element, "an id (an integer in [1, 2^53]) or 0", value);
    }

    int integer(String element) {
        Object value = take(element);
        if (value instanceof Long l && l >= 0 && l <= Integer.MAX_VALUE) {
            return l.intValue();
        }
        throw invalid(element, "a message type code", value);
    }

    String string(String element) {
        Object value = take(element);
        if (value instanceof String s) {
            return s;
        }
        throw invalid(element, "a string", value);
    }

    Map<String, Object> dict(String element) {
        Object value = take(element);
        if (value instanceof Map<?, ?>) {
            @SuppressWarnings("unchecked")
            Map<String, Object> dict = (Map<String, Object>) value;
            return dict;
        }
        throw invalid(element, "a dict", value);
    }

    Map<String, Object> optionalDict(String element) {
        return next < values.size() ? dict(element) : Values.map(null);
    }

    /** The trailing {@code Arguments|list, ArgumentsKw|dict}, or one binary transparent payload. */
    Payload payload() {
        if (next >= values.size()) {
            return Payload.EMPTY;
        }
        Object first = values.get(next++);
        if (first instanceof byte[] bytes) {
            return Payload.transparent(bytes);
        }
        if (!(first instanceof List<?> args)) {
            throw invalid("Arguments", "a list (or a binary transparent payload)", first);
        }
        Map<String, Object> kwargs = next < values.size() ? dict("ArgumentsKw") : Map.of();
        return Payload.of(args, kwargs);
    }

    void end() {
        if (next < values.size()) {
            throw new ProtocolViolationException(message + " has " + (values.size() - next)
                    + " element(s) more than its layout allows");
        }
    }
}
