package dev.switchboard.router.transport;

import dev.switchboard.wamp.codec.Serialization;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;

/**
 * The wire format of WAMP-over-RawSocket (advanced profile, "RawSocket Transport"), in network byte order.
 *
 * <pre>{@code
 * handshake request and success reply: 0111 1111 LLLL SSSS RRRR RRRR RRRR RRRR   (L: max length 2^(9+L), S: serializer)
 * handshake error reply:               0111 1111 EEEE 0000 RRRR RRRR RRRR RRRR   (E: error code)
 * frame prefix:                        RRRR XTTT LLLL LLLL LLLL LLLL LLLL LLLL   (T: type, X+L: payload length)
 * }</pre>
 */
final class RawSocketFraming {

    static final int MAGIC = 0x7F;

    /** Frame type of a regular WAMP message. */
    static final int MESSAGE = 0;
    /** Frame type of a PING; the peer MUST answer with exactly one PONG echoing the payload. */
    static final int PING = 1;
    /** Frame type of a PONG. */
    static final int PONG = 2;

    /** The longest payload a frame can carry: 16 MiB, with the X bit set and the 24 length bits clear. */
    static final int MAX_LENGTH = 1 << 24;

    /** Handshake error: serializer unsupported. */
    static final int SERIALIZER_UNSUPPORTED = 1;
    /** Handshake error: maximum message length unacceptable. */
    static final int MAX_LENGTH_UNACCEPTABLE = 2;
    /** Handshake error: use of reserved bits (unsupported feature). */
    static final int RESERVED_BITS = 3;
    /** Handshake error: maximum connection count reached. */
    static final int MAX_CONNECTIONS = 4;

    private RawSocketFraming() {
    }

    /** The 4-octet prefix of a frame of {@code type} carrying {@code length} octets. */
    static int prefix(int type, int length) {
        return length == MAX_LENGTH ? (0x08 | type) << 24 : type << 24 | length;
    }

    /** The handshake {@code LENGTH} field announcing the largest power of two not above {@code maxLength}. */
    static int lengthExponent(long maxLength) {
        int log2 = 63 - Long.numberOfLeadingZeros(Math.max(1, maxLength));
        return Math.clamp(log2 - 9, 0, 15);
    }

    /** The maximum message length a handshake {@code LENGTH} field announces: 2^(9+exponent) octets. */
    static int maxLength(int exponent) {
        return 1 << (exponent + 9);
    }

    static int successReply(int lengthExponent, int serializerId) {
        return MAGIC << 24 | (lengthExponent << 4 | serializerId) << 16;
    }

    static int errorReply(int error) {
        return MAGIC << 24 | error << 20;
    }

    /** A completed handshake: what the client asked for. */
    record Handshake(Serialization serialization, int clientMaxLength) {
    }

    /** A PING frame from the peer, with its payload. */
    static final class Ping extends DefaultByteBufHolder {

        Ping(ByteBuf payload) {
            super(payload);
        }
    }

    /** A PONG frame from the peer. */
    enum Pong {
        RECEIVED
    }
}
