package dev.switchboard.wamp.message;

import dev.switchboard.wamp.IdGenerator;
import dev.switchboard.wamp.ProtocolViolationException;
import dev.switchboard.wamp.WampUri;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reads the typed entries of one Options, Details or Extra dictionary, refusing wrong types with a
 * {@link ProtocolViolationException} that names the entry ({@code CALL.Options.timeout must be ...}), and collects
 * every entry it did not type so that unknown keys pass through unchanged.
 */
final class WireFields {

    private final String where;
    private final Map<String, Object> wire;
    private final Set<String> typed = new HashSet<>();

    WireFields(String where, Map<String, Object> wire) {
        this.where = where;
        this.wire = wire;
    }

    private @Nullable Object take(String key) {
        typed.add(key);
        return wire.get(key);
    }

    private ProtocolViolationException invalid(String key, String expected, @Nullable Object value) {
        return new ProtocolViolationException(where + "." + key + " must be " + expected + ", got " + Values.describe(value));
    }

    boolean bool(String key, boolean absent) {
        Object value = take(key);
        if (value == null) {
            return absent; // absent, or null as JavaScript clients send for undefined options
        }
        if (value instanceof Boolean b) {
            return b;
        }
        throw invalid(key, "a boolean", value);
    }

    @Nullable String string(String key) {
        Object value = take(key);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw invalid(key, "a string", value);
    }

    @Nullable String uri(String key) {
        String value = string(key);
        if (value != null && !WampUri.isValid(value)) {
            throw invalid(key, "a valid URI", value);
        }
        return value;
    }

    @Nullable Long id(String key) {
        Object value = take(key);
        if (value == null) {
            return null;
        }
        Long id = Values.integral(value);
        if (id != null && IdGenerator.isValidId(id)) {
            return id;
        }
        throw invalid(key, "an id (an integer in [1, 2^53])", value);
    }

    @Nullable Long nonNegative(String key) {
        Object value = take(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Long l && l >= 0) {
            return l;
        }
        throw invalid(key, "a non-negative integer", value);
    }

    @Nullable Integer positiveInt(String key) {
        Object value = take(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Long l && l >= 1 && l <= Integer.MAX_VALUE) {
            return l.intValue();
        }
        throw invalid(key, "a positive integer", value);
    }

    @Nullable List<Long> ids(String key) {
        Object value = take(key);
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list) {
            List<Long> ids = new java.util.ArrayList<>(list.size());
            for (Object element : list) {
                Long id = Values.integral(element);
                if (id == null || !IdGenerator.isValidId(id)) {
                    throw invalid(key, "a list of ids", value);
                }
                ids.add(id);
            }
            return List.copyOf(ids);
        }
        throw invalid(key, "a list of ids", value);
    }

    @Nullable List<String> strings(String key) {
        Object value = take(key);
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            @SuppressWarnings("unchecked")
            List<String> strings = (List<String>) list;
            return List.copyOf(strings);
        }
        throw invalid(key, "a list of strings", value);
    }

    @Nullable Map<String, Object> dict(String key) {
        Object value = take(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?>) {
            @SuppressWarnings("unchecked")
            Map<String, Object> dict = (Map<String, Object>) value;
            return Values.map(dict);
        }
        throw invalid(key, "a dict", value);
    }

    /** An enumerated string value: {@code parse} returns {@code null} for names it does not know. */
    <E> E named(String key, Function<String, @Nullable E> parse, E absent, String expected) {
        Object value = take(key);
        if (value == null) {
            return absent;
        }
        E parsed = value instanceof String s ? parse.apply(s) : null;
        if (parsed == null) {
            throw invalid(key, expected, value);
        }
        return parsed;
    }

    /**
     * Validates the entries the router passes through without acting on them (advanced profile: router-to-router
     * forwarding, payload passthru and end-to-end encryption, acknowledged delivery); they stay in {@link #other()}.
     */
    WireFields passthrough() {
        Object value = wire.get("forward_for");
        if (value != null && !isForwardFor(value)) {
            throw invalid("forward_for", "a list of {session, authid, authrole} dicts", value);
        }
        checkString("transaction_hash");
        checkString("ppt_keyid");
        checkBoolean("x_acknowledged_delivery");
        checkName("enc_algo", Set.of("cryptobox", "mqtt", "xbr"));
        checkName("enc_serializer", Set.of("json", "msgpack", "cbor", "ubjson", "flatbuffers"));
        checkName("ppt_scheme", Set.of("wamp", "mqtt"));
        checkName("ppt_serializer", Set.of("native", "json", "msgpack", "cbor", "ubjson", "flatbuffers"));
        checkName("ppt_cipher", Set.of("xsalsa20poly1305", "aes256gcm"));
        // Payload passthru mode: ppt_scheme is the required attribute that tells the mode is in use.
        if (wire.get("ppt_scheme") == null) {
            for (String key : List.of("ppt_serializer", "ppt_cipher", "ppt_keyid")) {
                if (wire.get(key) != null) {
                    throw new ProtocolViolationException(where + ".ppt_scheme is required with " + where + "." + key);
                }
            }
        }
        return this;
    }

    private void checkString(String key) {
        Object value = wire.get(key);
        if (value != null && !(value instanceof String)) {
            throw invalid(key, "a string", value);
        }
    }

    private void checkBoolean(String key) {
        Object value = wire.get(key);
        if (value != null && !(value instanceof Boolean)) {
            throw invalid(key, "a boolean", value);
        }
    }

    /** Standard names, or custom ones in the {@code x_} namespace the specification sets aside for them. */
    private void checkName(String key, Set<String> standard) {
        Object value = wire.get(key);
        if (value != null && !(value instanceof String s && (standard.contains(s) || s.startsWith("x_")))) {
            throw invalid(key, "one of " + new TreeSet<>(standard) + " or an x_ name", value);
        }
    }

    private static boolean isForwardFor(Object value) {
        if (!(value instanceof List<?> hops)) {
            return false;
        }
        for (Object hop : hops) {
            if (!(hop instanceof Map<?, ?> m && m.get("session") instanceof Long session && IdGenerator.isValidId(session)
                    && (m.get("authid") == null || m.get("authid") instanceof String)
                    && (m.get("authrole") == null || m.get("authrole") instanceof String))) {
                return false;
            }
        }
        return true;
    }

    /** Every entry that was not read as a typed field, in wire order. */
    Map<String, Object> other() {
        if (typed.containsAll(wire.keySet())) {
            return Values.map(null);
        }
        LinkedHashMap<String, Object> other = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : wire.entrySet()) {
            if (!typed.contains(entry.getKey())) {
                other.put(entry.getKey(), entry.getValue());
            }
        }
        return Values.adopt(other);
    }

    /** Builds a wire dictionary: typed entries that differ from their defaults, then the passed-through ones. */
    static final class Writer {
        private final LinkedHashMap<String, Object> entries = new LinkedHashMap<>();

        Writer put(String key, @Nullable Object value) {
            if (value != null) {
                entries.put(key, value);
            }
            return this;
        }

        Writer flag(String key, boolean value, boolean absent) {
            if (value != absent) {
                entries.put(key, value);
            }
            return this;
        }

        Map<String, Object> with(Map<String, Object> other) {
            if (entries.isEmpty()) {
                return other;
            }
            other.forEach(entries::putIfAbsent);
            return Values.adopt(entries);
        }
    }
}
