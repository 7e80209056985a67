package dev.switchboard.wamp.message;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The application payload of PUBLISH, EVENT, CALL, INVOCATION, YIELD, RESULT and ERROR: the trailing
 * {@code Arguments|list, ArgumentsKw|dict} of the message, or, with payload transparency (advanced profile, end-to-end
 * encryption and payload passthru), one opaque binary in place of the arguments. Routers pass it on untouched.
 */
public sealed interface Payload permits Payload.Arguments, Payload.Transparent {

    /** No arguments at all. */
    Arguments EMPTY = new Arguments(List.of(), Map.of());


    static Arguments of(Object... args) {
        return new Arguments(Values.list(Arrays.asList(args)), Values.map(null));
    }

    static Arguments of(@Nullable List<?> args, @Nullable Map<String, ?> kwargs) {
        return new Arguments(Values.list(args), Values.map(kwargs));
    }

    static Transparent transparent(byte[] bytes) {
        return new Transparent(bytes);
    }

    /** Whether the message carries no payload, so the trailing elements are left out on the wire. */
    boolean isEmpty();

    /** Positional and keyword arguments (either may be empty). */
    record Arguments(List<Object> args, Map<String, Object> kwargs) implements Payload {

        public Arguments {
            args = Values.list(args);
            kwargs = Values.map(kwargs);
        }

        @Override
        public boolean isEmpty() {
            return args.isEmpty() && kwargs.isEmpty();
        }
    }

    /** An opaque payload (e.g. encrypted); {@code Options/Details} say how to read it. */
    record Transparent(byte[] bytes) implements Payload {

        public Transparent {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public boolean isEmpty() {
            return false;
        }

        @Override
        public boolean equals(@Nullable Object other) {
            return other instanceof Transparent t && Arrays.equals(bytes, t.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Transparent[" + HexFormat.of().formatHex(bytes) + "]";
        }
    }
}
