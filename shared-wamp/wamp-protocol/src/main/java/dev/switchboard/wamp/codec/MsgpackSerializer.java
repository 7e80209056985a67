package dev.switchboard.wamp.codec;

import dev.switchboard.wamp.ProtocolViolationException;
import dev.switchboard.wamp.message.Values;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessageInsufficientBufferException;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;

/** {@code wamp.2.msgpack}: binary values are MessagePack bin; extension types are refused. */
final class MsgpackSerializer implements Serializer {

    static final MsgpackSerializer INSTANCE = new MsgpackSerializer();

    private static final MessagePack.UnpackerConfig UNPACKER = new MessagePack.UnpackerConfig();
    /** Most WAMP messages are small: start with a small buffer rather than msgpack-core's default 8 KiB. */
    private static final MessagePack.PackerConfig PACKER = new MessagePack.PackerConfig().withBufferSize(256);

    private MsgpackSerializer() {
    }

    @Override
    public Serialization serialization() {
        return Serialization.MSGPACK;
    }

    @Override
    public List<Object> read(byte[] bytes, int offset, int length) {
        try (MessageUnpacker unpacker = UNPACKER.newUnpacker(bytes, offset, length)) {
            if (!unpacker.hasNext()) {
                throw new ProtocolViolationException("MessagePack frame is empty");
            }
            if (unpacker.getNextFormat().getValueType() != org.msgpack.value.ValueType.ARRAY) {
                throw new ProtocolViolationException("MessagePack frame is not an array");
            }
            @SuppressWarnings("unchecked")
            List<Object> message = (List<Object>) readValue(unpacker, length, 1);
            if (unpacker.hasNext()) {
                throw new ProtocolViolationException("MessagePack frame has content after the message array");
            }
            return message;
        } catch (ProtocolViolationException e) {
            throw e;
        } catch (MessageInsufficientBufferException e) {
            throw new ProtocolViolationException("malformed MessagePack frame: it ends inside a value", e);
        } catch (CharacterCodingException e) {
            throw new ProtocolViolationException("malformed MessagePack frame: a string is not valid UTF-8", e);
        } catch (IOException | RuntimeException e) {
            throw new ProtocolViolationException("malformed MessagePack frame: " + e.getMessage(), e);
        }
    }

    private @Nullable Object readValue(MessageUnpacker unpacker, int frameLength, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new ProtocolViolationException("MessagePack frame nests values deeper than " + MAX_DEPTH);
        }
        MessageFormat format = unpacker.getNextFormat();
        return switch (format.getValueType()) {
            case NIL -> {
                unpacker.unpackNil();
                yield null;
            }
            case BOOLEAN -> unpacker.unpackBoolean();
            case INTEGER -> format == MessageFormat.UINT64
                    ? JacksonSerializer.normalize(unpacker.unpackBigInteger()) : (Object) unpacker.unpackLong();
            case FLOAT -> unpacker.unpackDouble();
            case STRING -> readString(unpacker, frameLength);
            case BINARY -> unpacker.readPayload(checkedLength(unpacker.unpackBinaryHeader(), frameLength));
            case ARRAY -> {
                int size = checkedLength(unpacker.unpackArrayHeader(), frameLength);
                Object[] elements = new Object[size];
                for (int i = 0; i < size; i++) {
                    elements[i] = readValue(unpacker, frameLength, depth + 1);
                }
                yield Values.adoptList(elements);
            }
            case MAP -> {
                int size = checkedLength(unpacker.unpackMapHeader(), frameLength);
                LinkedHashMap<String, Object> entries = new LinkedHashMap<>();
                for (int i = 0; i < size; i++) {
                    if (unpacker.getNextFormat().getValueType() != org.msgpack.value.ValueType.STRING) {
                        throw new ProtocolViolationException("MessagePack map key is not a string");
                    }
                    String key = readString(unpacker, frameLength);
                    Object value = readValue(unpacker, frameLength, depth + 1);
                    if (entries.containsKey(key)) {
                        throw new ProtocolViolationException("duplicate key \"" + key + "\" in MessagePack map");
                    }
                    entries.put(key, value);
                }
                yield Values.adoptMap(entries);
            }
            case EXTENSION -> readExtension(unpacker);
        };
    }

    /**
     * JavaScript MessagePack encoders write {@code undefined} as the 1-byte extension of type 0 holding 0
     * ({@code d4 00 00}); it reads as {@code null}. Any other extension type is refused.
     */
    private static @Nullable Object readExtension(MessageUnpacker unpacker) throws IOException {
        var header = unpacker.unpackExtensionTypeHeader();
        if (header.getType() == 0 && header.getLength() == 1 && unpacker.readPayload(1)[0] == 0) {
            return null;
        }
        throw new ProtocolViolationException("MessagePack extension types are not supported");
    }

    /**
     * A string, refusing malformed UTF-8 (msgpack-core would replace it, or decode slowly when told to refuse).
     * ASCII, by far the most common content, takes the fast path.
     */
    private static String readString(MessageUnpacker unpacker, int frameLength) throws IOException {
        byte[] bytes = unpacker.readPayload(checkedLength(unpacker.unpackRawStringHeader(), frameLength));
        for (byte b : bytes) {
            if (b < 0) {
                return StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes))
                        .toString();
            }
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** A declared size cannot exceed the frame, so a forged header cannot make us allocate gigabytes. */
    private static int checkedLength(int declared, int frameLength) {
        if (declared < 0 || declared > frameLength) {
            throw new ProtocolViolationException("MessagePack length " + Integer.toUnsignedString(declared)
                    + " exceeds the frame of " + frameLength + " bytes");
        }
        return declared;
    }

    @Override
    public byte[] write(List<?> message) {
        try (MessageBufferPacker packer = PACKER.newBufferPacker()) {
            writeValue(packer, message, 1);
            return packer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeValue(MessageBufferPacker packer, @Nullable Object value, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("values nest deeper than " + MAX_DEPTH);
        }
        switch (value) {
            case null -> packer.packNil();
            case String s -> packer.packString(s);
            case Boolean b -> packer.packBoolean(b);
            case Long l -> packer.packLong(l);
            case Integer i -> packer.packLong(i);
            case Short s -> packer.packLong(s);
            case Byte b -> packer.packLong(b);
            case BigInteger b -> packer.packBigInteger(b);
            case Double d -> packer.packDouble(d);
            case Float f -> packer.packDouble(f);
            case BigDecimal b -> packer.packDouble(b.doubleValue());
            case byte[] bytes -> {
                packer.packBinaryHeader(bytes.length);
                packer.writePayload(bytes);
            }
            case CharSequence s -> packer.packString(s.toString());
            case List<?> list -> {
                packer.packArrayHeader(list.size());
                for (Object element : list) {
                    writeValue(packer, element, depth + 1);
                }
            }
            case Collection<?> collection -> writeValue(packer, new ArrayList<>(collection), depth);
            case Map<?, ?> map -> {
                packer.packMapHeader(map.size());
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if (!(entry.getKey() instanceof String key)) {
                        throw new IllegalArgumentException("map keys must be strings, got " + entry.getKey());
                    }
                    packer.packString(key);
                    writeValue(packer, entry.getValue(), depth + 1);
                }
            }
            default -> throw new IllegalArgumentException(
                    "cannot serialize a " + value.getClass().getName() + " as a WAMP value");
        }
    }
}
