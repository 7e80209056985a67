package dev.switchboard.wamp.codec;

import org.jspecify.annotations.Nullable;

/**
 * The serializations WAMP defines, with their WebSocket subprotocol names and RawSocket serializer ids (advanced
 * profile, "RawSocket Transport").
 */
public enum Serialization {
    JSON("wamp.2.json", 1, false),
    MSGPACK("wamp.2.msgpack", 2, true),
    CBOR("wamp.2.cbor", 3, true);

    private final String subprotocol;
    private final int rawSocketId;
    private final boolean binary;

    Serialization(String subprotocol, int rawSocketId, boolean binary) {
        this.subprotocol = subprotocol;
        this.rawSocketId = rawSocketId;
        this.binary = binary;
    }

    /** The WebSocket subprotocol, e.g. {@code wamp.2.json}. */
    public String subprotocol() {
        return subprotocol;
    }

    /** The serializer id of the RawSocket handshake. */
    public int rawSocketId() {
        return rawSocketId;
    }

    /** Whether frames are binary (WebSocket binary messages) rather than UTF-8 text. */
    public boolean binary() {
        return binary;
    }

    /** The shared serializer of this format. */
    public Serializer serializer() {
        return switch (this) {
            case JSON -> JsonSerializer.INSTANCE;
            case MSGPACK -> MsgpackSerializer.INSTANCE;
            case CBOR -> CborSerializer.INSTANCE;
        };
    }

    public static @Nullable Serialization fromSubprotocol(String subprotocol) {
        for (Serialization s : values()) {
            if (s.subprotocol.equals(subprotocol)) {
                return s;
            }
        }
        return null;
    }

    public static @Nullable Serialization fromRawSocketId(int id) {
        for (Serialization s : values()) {
            if (s.rawSocketId == id) {
                return s;
            }
        }
        return null;
    }
}
