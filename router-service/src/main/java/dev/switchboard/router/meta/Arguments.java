package dev.switchboard.router.meta;

import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.IdGenerator;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.Values;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The arguments of a meta procedure call, read the way Crossbar.io (Python) binds them: a parameter is taken from
 * its position in {@code Arguments|list} if there are that many, else from {@code ArgumentsKw|dict} by name. So
 * {@code kill(42, reason="x")} and {@code kill(42, "x")} mean the same. A wrong type is refused with
 * {@code wamp.error.invalid_argument}.
 */
final class Arguments {

    private final List<Object> args;
    private final Map<String, Object> kwargs;

    private Arguments(List<Object> args, Map<String, Object> kwargs) {
        this.args = args;
        this.kwargs = kwargs;
    }

    static Arguments of(Payload payload) {
        return switch (payload) {
            case Payload.Arguments plain -> new Arguments(plain.args(), plain.kwargs());
            case Payload.Transparent opaque -> throw new MetaError(ErrorUris.INVALID_ARGUMENT,
                    "meta procedures take plain arguments, not a transparent payload");
        };
    }

    /** The parameter's value, {@code null} when it is absent or null. */
    @Nullable Object value(int position, String name) {
        return position < args.size() ? args.get(position) : kwargs.get(name);
    }

    long id(int position, String name) {
        Object value = value(position, name);
        // an integral float64 is an id too, as in the codec: some clients (wampy with CBOR) send ids from 2^32 so
        Long id = value instanceof Integer small ? Long.valueOf(small) : Values.integral(value);
        if (id != null && IdGenerator.isValidId(id)) {
            return id;
        }
        throw invalid(name, "an id (an integer in [1, 2^53])", value);
    }

    String string(int position, String name) {
        String value = optionalString(position, name);
        if (value == null) {
            throw invalid(name, "a string", null);
        }
        return value;
    }

    @Nullable String optionalString(int position, String name) {
        Object value = value(position, name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw invalid(name, "a string", value);
    }

    /** A list of strings, {@code null} when absent. */
    @Nullable List<String> optionalStrings(int position, String name) {
        Object value = value(position, name);
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            @SuppressWarnings("unchecked")
            List<String> strings = (List<String>) list;
            return strings;
        }
        throw invalid(name, "a list of strings", value);
    }

    /** A list, empty when absent. */
    List<Object> list(int position, String name) {
        Object value = value(position, name);
        if (value == null || value instanceof List<?>) {
            return Values.list((List<?>) value);
        }
        throw invalid(name, "a list", value);
    }

    /** A dict, empty when absent. */
    Map<String, Object> dict(int position, String name) {
        Object value = value(position, name);
        if (value == null || value instanceof Map<?, ?>) {
            @SuppressWarnings("unchecked")
            Map<String, ?> dict = (Map<String, ?>) value;
            return Values.map(dict);
        }
        throw invalid(name, "a dict", value);
    }

    private static MetaError invalid(String name, String expected, @Nullable Object value) {
        return new MetaError(ErrorUris.INVALID_ARGUMENT,
                name + " must be " + expected + ", got " + Values.describe(value));
    }
}
