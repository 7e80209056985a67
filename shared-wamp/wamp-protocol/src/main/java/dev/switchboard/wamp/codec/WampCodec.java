package dev.switchboard.wamp.codec;

import dev.switchboard.wamp.ProtocolViolationException;
import dev.switchboard.wamp.message.WampMessage;

/** One serialization joined with the message mapper: frames ↔ messages. Thread-safe. */
public final class WampCodec {

    private final Serializer serializer;

    private WampCodec(Serializer serializer) {
        this.serializer = serializer;
    }

    public static WampCodec of(Serialization serialization) {
        return new WampCodec(serialization.serializer());
    }

    public Serialization serialization() {
        return serializer.serialization();
    }

    /**
     * The message in one frame.
     *
     * @throws ProtocolViolationException if the frame is not exactly one valid message
     */
    public WampMessage decode(byte[] frame) {
        return decode(frame, 0, frame.length);
    }

    public WampMessage decode(byte[] frame, int offset, int length) {
        return MessageMapper.fromValues(serializer.read(frame, offset, length));
    }

    public byte[] encode(WampMessage message) {
        return serializer.write(MessageMapper.toValues(message));
    }
}
