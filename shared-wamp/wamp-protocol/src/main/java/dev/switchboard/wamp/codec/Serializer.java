package dev.switchboard.wamp.codec;

import dev.switchboard.wamp.ProtocolViolationException;
import java.util.List;

/**
 * One serialization format: bytes ↔ generic values. Decoded values are {@code null}, {@link Boolean}, {@link Long}
 * (or {@link java.math.BigInteger} beyond the long range), {@link Double}, {@link String}, {@code byte[]}, and
 * unmodifiable {@link List}s and {@link java.util.Map}s with {@link String} keys, in the order they were read.
 * For encoding, any {@link Number}, {@link CharSequence}, {@link java.util.Collection} and {@link java.util.Map}
 * with string keys is accepted as well. Implementations are stateless and thread-safe.
 */
public interface Serializer {

    /** Values nested deeper than this are refused, so that hostile input cannot exhaust the stack. */
    int MAX_DEPTH = 256;

    /** The serialization this serializer implements. */
    Serialization serialization();

    /**
     * Decodes one WAMP message frame into its list of values.
     *
     * @throws ProtocolViolationException if the bytes are not exactly one well-formed array of supported values
     */
    List<Object> read(byte[] bytes, int offset, int length);

    default List<Object> read(byte[] bytes) {
        return read(bytes, 0, bytes.length);
    }

    /**
     * Encodes one WAMP message given as its list of values.
     *
     * @throws IllegalArgumentException if a value is of a type no format can represent
     */
    byte[] write(List<?> message);
}
