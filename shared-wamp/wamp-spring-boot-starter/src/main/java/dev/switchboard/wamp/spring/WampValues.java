package dev.switchboard.wamp.spring;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Converts between application objects and the plain values WAMP payloads hold (null, booleans, integers as
 * {@code Long}, floating point as {@code Double}, strings, lists and string-keyed maps), with the application's
 * {@link JsonMapper}: a record or bean becomes a map of its properties, and back.
 */
public final class WampValues {

    private final JsonMapper mapper;

    public WampValues(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * {@code value} converted to {@code type} (generic types such as {@code List<Point>} included).
     *
     * @throws IllegalArgumentException if it does not convert, or is {@code null} for a primitive type
     */
    public @Nullable Object convert(@Nullable Object value, Type type) {
        JavaType javaType = mapper.getTypeFactory().constructType(type);
        if (value == null) {
            if (javaType.isPrimitive()) {
                throw new IllegalArgumentException("no value for " + type.getTypeName());
            }
            return null;
        }
        return mapper.convertValue(value, javaType);
    }

    /** {@code value} converted to {@code type}. */
    @SuppressWarnings("unchecked")
    public <T> @Nullable T convert(@Nullable Object value, Class<T> type) {
        return (T) convert(value, (Type) type);
    }

    /** {@code value} as a plain WAMP value. */
    public @Nullable Object toPlain(@Nullable Object value) {
        return switch (value) {
            case null -> null;
            case String s -> s;
            case Boolean b -> b;
            case Long l -> l;
            case Double d -> d;
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case Byte b -> b.longValue();
            case Float f -> f.doubleValue();
            case byte[] bytes -> bytes;
            default -> normalize(mapper.convertValue(value, Object.class));
        };
    }

    public List<Object> toPlainList(List<?> values) {
        List<Object> plain = new ArrayList<>(values.size());
        for (Object value : values) {
            plain.add(toPlain(value));
        }
        return plain;
    }

    /** The properties of {@code value} (a record, a bean or a map) as a plain map. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> toPlainMap(Object value) {
        if (toPlain(value) instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException(value.getClass().getName() + " does not convert to a dict");
    }

    /** Jackson's untyped values, with integers widened to {@code Long} and floats to {@code Double}. */
    private static @Nullable Object normalize(@Nullable Object value) {
        return switch (value) {
            case Map<?, ?> map -> {
                Map<String, Object> plain = new LinkedHashMap<>();
                map.forEach((key, element) -> plain.put(String.valueOf(key), normalize(element)));
                yield plain;
            }
            case List<?> list -> {
                List<Object> plain = new ArrayList<>(list.size());
                list.forEach(element -> plain.add(normalize(element)));
                yield plain;
            }
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case Byte b -> b.longValue();
            case Float f -> f.doubleValue();
            case java.math.BigDecimal d -> d.doubleValue();
            case null, default -> value;
        };
    }
}
