package dev.switchboard.wamp.codec;

import dev.switchboard.wamp.ProtocolViolationException;
import dev.switchboard.wamp.message.Values;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.TokenStreamFactory;

/** The formats read and written with a Jackson streaming parser and generator (JSON and CBOR). */
abstract class JacksonSerializer implements Serializer {

    private final TokenStreamFactory factory;

    JacksonSerializer(TokenStreamFactory factory) {
        this.factory = factory;
    }

    @Override
    public final List<Object> read(byte[] bytes, int offset, int length) {
        try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), bytes, offset, length)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_ARRAY) {
                throw new ProtocolViolationException(serialization() + " frame is not an array"
                        + (first == null ? " (empty frame)" : " (starts with " + first + ")"));
            }
            @SuppressWarnings("unchecked")
            List<Object> message = (List<Object>) readValue(parser, first, 1);
            if (parser.nextToken() != null) {
                throw new ProtocolViolationException(serialization() + " frame has content after the message array");
            }
            return message;
        } catch (JacksonException e) {
            throw new ProtocolViolationException("malformed " + serialization() + " frame: " + e.getOriginalMessage(), e);
        } catch (ProtocolViolationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ProtocolViolationException("malformed " + serialization() + " frame: " + e.getMessage(), e);
        }
    }

    private @Nullable Object readValue(JsonParser parser, JsonToken token, int depth) {
        if (depth > MAX_DEPTH) {
            throw new ProtocolViolationException(serialization() + " frame nests values deeper than " + MAX_DEPTH);
        }
        return switch (token) {
            case START_ARRAY -> readArray(parser, depth);
            case START_OBJECT -> readObject(parser, depth);
            case VALUE_STRING -> readString(wellFormed(parser.getString()));
            case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? normalize(parser.getBigIntegerValue()) : (Object) parser.getLongValue();
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            case VALUE_EMBEDDED_OBJECT -> readEmbedded(parser);
            default -> throw new ProtocolViolationException("unexpected " + token + " in " + serialization() + " frame");
        };
    }

    private List<Object> readArray(JsonParser parser, int depth) {
        ArrayList<Object> elements = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new ProtocolViolationException(serialization() + " frame ends inside an array");
            }
            elements.add(readValue(parser, token, depth + 1));
        }
        return Values.adoptList(elements.toArray());
    }

    private Map<String, Object> readObject(JsonParser parser, int depth) {
        LinkedHashMap<String, Object> entries = new LinkedHashMap<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_OBJECT) {
            if (token != JsonToken.PROPERTY_NAME) {
                throw new ProtocolViolationException(serialization() + " frame ends inside an object");
            }
            String key = wellFormed(parser.currentName());
            JsonToken valueToken = parser.nextToken();
            if (valueToken == null) {
                throw new ProtocolViolationException(serialization() + " frame ends inside an object");
            }
            Object value = readValue(parser, valueToken, depth + 1);
            if (entries.containsKey(key)) {
                throw new ProtocolViolationException("duplicate key \"" + key + "\" in " + serialization() + " object");
            }
            entries.put(key, value);
        }
        return Values.adoptMap(entries);
    }

    /**
     * {@code text} if it is Unicode text, else a protocol violation. JSON's backslash-u escapes (and a lenient CBOR
     * decoder) can yield a lone surrogate, which no serialization can write: routed on, it would fail to encode on
     * another peer's connection, so it is refused here, where it came in.
     */
    private String wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new ProtocolViolationException(serialization() + " frame has a string with an unpaired surrogate"
                        + " (U+" + Integer.toHexString(c).toUpperCase(Locale.ROOT) + " at index " + i
                        + "), which is not Unicode text");
            }
        }
        return text;
    }

    /** A string as read from the frame; JSON turns its binary convention into {@code byte[]} here. */
    Object readString(String value) {
        return value;
    }

    /**
     * An embedded value: CBOR byte strings, and CBOR's {@code undefined}, read as {@code null} (JavaScript
     * encoders write {@code undefined} option values that way).
     */
    @Nullable Object readEmbedded(JsonParser parser) {
        Object embedded = parser.getEmbeddedObject();
        if (embedded instanceof byte[] bytes) {
            return bytes;
        }
        if (embedded == null) {
            return null;
        }
        throw new ProtocolViolationException("unsupported embedded value in " + serialization() + " frame");
    }

    @Override
    public final byte[] write(List<?> message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator generator = factory.createGenerator(ObjectWriteContext.empty(), out)) {
            writeValue(generator, message, 1);
        }
        return out.toByteArray();
    }

    private void writeValue(JsonGenerator generator, @Nullable Object value, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("values nest deeper than " + MAX_DEPTH);
        }
        switch (value) {
            case null -> generator.writeNull();
            case String s -> generator.writeString(s);
            case Boolean b -> generator.writeBoolean(b);
            case Long l -> generator.writeNumber(l);
            case Integer i -> generator.writeNumber(i.longValue());
            case Short s -> generator.writeNumber(s.longValue());
            case Byte b -> generator.writeNumber(b.longValue());
            case BigInteger b -> generator.writeNumber(b);
            case Double d -> generator.writeNumber(d);
            case Float f -> generator.writeNumber(f.doubleValue());
            case BigDecimal b -> generator.writeNumber(b.doubleValue());
            case byte[] bytes -> writeBinary(generator, bytes);
            case CharSequence s -> generator.writeString(s.toString());
            case List<?> list -> {
                generator.writeStartArray(list, list.size());
                for (Object element : list) {
                    writeValue(generator, element, depth + 1);
                }
                generator.writeEndArray();
            }
            case Collection<?> collection -> writeValue(generator, new ArrayList<>(collection), depth);
            case Map<?, ?> map -> {
                generator.writeStartObject(map, map.size());
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if (!(entry.getKey() instanceof String key)) {
                        throw new IllegalArgumentException("map keys must be strings, got " + entry.getKey());
                    }
                    generator.writeName(key);
                    writeValue(generator, entry.getValue(), depth + 1);
                }
                generator.writeEndObject();
            }
            default -> throw new IllegalArgumentException(
                    "cannot serialize a " + value.getClass().getName() + " as a WAMP value");
        }
    }

    abstract void writeBinary(JsonGenerator generator, byte[] bytes);

    /** Integers within the long range are always {@link Long}, whatever the encoding chose. */
    static Object normalize(BigInteger value) {
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }
}
