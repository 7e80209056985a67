package dev.switchboard.wamp.message;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Unmodifiable lists and maps for message fields. Unlike {@link List#copyOf}, they keep {@code null} elements
 * (WAMP arguments may contain JSON {@code null}), keep insertion order, and are not copied again when a value
 * taken from one message is put into another (the router moves arguments from CALL to INVOCATION unchanged).
 * Copies are shallow: nested lists and maps built by a codec are unmodifiable already.
 */
public final class Values {

    private static final List<Object> EMPTY_LIST = new FrozenList(new Object[0]);
    private static final Map<String, Object> EMPTY_MAP = new FrozenMap(new LinkedHashMap<>());

    private Values() {
    }

    /** An unmodifiable copy of {@code list}, or {@code list} itself if it is one already; empty for {@code null}. */
    public static List<Object> list(@Nullable List<?> list) {
        if (list instanceof FrozenList frozen) {
            return frozen;
        }
        if (list == null || list.isEmpty()) {
            return EMPTY_LIST;
        }
        return new FrozenList(list.toArray());
    }

    /** An unmodifiable copy of {@code map}, or {@code map} itself if it is one already; empty for {@code null}. */
    public static Map<String, Object> map(@Nullable Map<String, ?> map) {
        if (map instanceof FrozenMap frozen) {
            return frozen;
        }
        if (map == null || map.isEmpty()) {
            return EMPTY_MAP;
        }
        return new FrozenMap(new LinkedHashMap<>(map));
    }

    /** Freezes an array the caller built and will not touch again (used by codecs, no copy). */
    static List<Object> adopt(Object[] elements) {
        return elements.length == 0 ? EMPTY_LIST : new FrozenList(elements);
    }

    /** Freezes a map the caller built and will not touch again (used by codecs, no copy). */
    static Map<String, Object> adopt(LinkedHashMap<String, Object> map) {
        return map.isEmpty() ? EMPTY_MAP : new FrozenMap(map);
    }

    /** Public entry for the codec package: see {@link #adopt(Object[])}. */
    public static List<Object> adoptList(Object[] elements) {
        return adopt(elements);
    }

    /** Public entry for the codec package: see {@link #adopt(LinkedHashMap)}. */
    public static Map<String, Object> adoptMap(LinkedHashMap<String, Object> map) {
        return adopt(map);
    }

    /**
     * The value as an integer, or {@code null} if it is none. A floating-point value with no fraction counts as
     * the integer it equals, up to 2^53: some clients' CBOR and MessagePack encoders write large integers (such as
     * WAMP ids) as doubles.
     */
    public static @Nullable Long integral(@Nullable Object value) {
        if (value instanceof Long l) {
            return l;
        }
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) <= 0x1p53) {
            return d.longValue();
        }
        return null;
    }

    /** A short description of a value for error messages: strings are quoted and cut, containers named. */
    public static String describe(@Nullable Object value) {
        return switch (value) {
            case null -> "null";
            case String s -> "\"" + (s.length() > 64 ? cut(s, 64) + "…" : s) + "\"";
            case byte[] b -> "binary";
            case List<?> l -> "a list";
            case Map<?, ?> m -> "a dict";
            default -> value.toString();
        };
    }

    /**
     * Deep equality of value trees that compares {@code byte[]} by content (the {@code equals} of lists, maps and
     * records compares arrays by identity).
     */
    public static boolean deepEquals(@Nullable Object a, @Nullable Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!deepEquals(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : x.entrySet()) {
                if (!y.containsKey(e.getKey()) || !deepEquals(e.getValue(), y.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (isIntegral(a) && isIntegral(b)) {
            return a.toString().equals(b.toString());
        }
        return a.equals(b);
    }

    private static boolean isIntegral(Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
                || value instanceof java.math.BigInteger;
    }

    private static final class FrozenList extends AbstractList<Object> implements RandomAccess {
        private final Object[] elements;

        FrozenList(Object[] elements) {
            this.elements = elements;
        }

        @Override
        public @Nullable Object get(int index) {
            return elements[index];
        }

        @Override
        public int size() {
            return elements.length;
        }

        @Override
        public Object[] toArray() {
            return elements.clone();
        }
    }

    private static final class FrozenMap extends AbstractMap<String, Object> {
        private final Map<String, Object> entries;
        private final Set<Entry<String, Object>> entrySet;

        FrozenMap(LinkedHashMap<String, Object> entries) {
            this.entries = entries;
            this.entrySet = Collections.unmodifiableMap(entries).entrySet();
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return entrySet;
        }

        @Override
        public @Nullable Object get(Object key) {
            return entries.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return entries.containsKey(key);
        }

        @Override
        public int size() {
            return entries.size();
        }
    }

    /** The first {@code length} chars of {@code s}, one fewer where the cut would split a surrogate pair. */
    private static String cut(String s, int length) {
        return s.substring(0, Character.isHighSurrogate(s.charAt(length - 1)) ? length - 1 : length);
    }
}
