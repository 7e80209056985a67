package dev.switchboard.router.transport;

import static dev.switchboard.router.transport.RawSocketFraming.MAGIC;
import static dev.switchboard.router.transport.RawSocketFraming.MAX_CONNECTIONS;
import static dev.switchboard.router.transport.RawSocketFraming.MAX_LENGTH;
import static dev.switchboard.router.transport.RawSocketFraming.MAX_LENGTH_UNACCEPTABLE;
import static dev.switchboard.router.transport.RawSocketFraming.MESSAGE;
import static dev.switchboard.router.transport.RawSocketFraming.PING;
import static dev.switchboard.router.transport.RawSocketFraming.PONG;
import static dev.switchboard.router.transport.RawSocketFraming.RESERVED_BITS;
import static dev.switchboard.router.transport.RawSocketFraming.SERIALIZER_UNSUPPORTED;

import dev.switchboard.wamp.ProtocolViolationException;
import dev.switchboard.wamp.codec.Serialization;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the RawSocket byte stream of one connection. First the 4-octet handshake, which it answers itself: with the
 * router's maximum length and the requested serializer, or with an error code and a close; it then emits a
 * {@link RawSocketFraming.Handshake}. Then frames: a WAMP message as its payload {@link ByteBuf}, a PING as a
 * {@link RawSocketFraming.Ping}, a PONG as {@link RawSocketFraming.Pong#RECEIVED}. A frame with reserved bits or type,
 * or longer than the router's maximum, fails the connection: the decoder throws a
 * {@link ProtocolViolationException} (reaching the pipeline wrapped in a {@code DecoderException}) and drops all
 * further input. A client that sends no handshake within the timeout is disconnected.
 */
final class RawSocketDecoder extends ByteToMessageDecoder {

    private static final Logger log = LoggerFactory.getLogger(RawSocketDecoder.class);

    private enum State { HANDSHAKE, FRAMES, FAILED }

    private final int lengthExponent;
    private final int maxLength;
    private final long minClientMaxLength;
    private final long handshakeTimeoutNanos;
    private final Predicate<Channel> admit;
    private State state = State.HANDSHAKE;
    private @Nullable ScheduledFuture<?> handshakeTimer;

    /**
     * @param maxMessageSize        the router's limit; the largest power of two not above it is announced and enforced
     * @param minClientMaxLength    the smallest maximum length a client may announce
     * @param handshakeTimeoutNanos how long to wait for the handshake
     * @param admit                 whether one more connection may open (counting it if so)
     */
    RawSocketDecoder(long maxMessageSize, long minClientMaxLength, long handshakeTimeoutNanos,
                     Predicate<Channel> admit) {
        this.lengthExponent = RawSocketFraming.lengthExponent(Math.min(maxMessageSize, MAX_LENGTH));
        this.maxLength = RawSocketFraming.maxLength(lengthExponent);
        this.minClientMaxLength = minClientMaxLength;
        this.handshakeTimeoutNanos = handshakeTimeoutNanos;
        this.admit = admit;
    }

    /** The longest frame payload the router accepts, as announced in the handshake. */
    int maxLength() {
        return maxLength;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        handshakeTimer = ctx.executor().schedule(() -> {
            if (state == State.HANDSHAKE) {
                log.debug("No RawSocket handshake from {} in time; closing", ctx.channel().remoteAddress());
                state = State.FAILED;
                ctx.close();
            }
        }, handshakeTimeoutNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        cancelHandshakeTimer();
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        switch (state) {
            case HANDSHAKE -> handshake(ctx, in, out);
            case FRAMES -> frame(in, out);
            case FAILED -> in.skipBytes(in.readableBytes());
        }
    }

    private void handshake(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (in.readableBytes() < 4) {
            return;
        }
        cancelHandshakeTimer();
        int request = in.readInt();
        if (request >>> 24 != MAGIC) {
            log.debug("Not a RawSocket client at {} (first octet {}); closing", ctx.channel().remoteAddress(),
                    request >>> 24);
            fail(in);
            ctx.close();
            return;
        }
        int serializerId = request >>> 16 & 0x0F;
        int clientMaxLength = RawSocketFraming.maxLength(request >>> 20 & 0x0F);
        Serialization serialization = Serialization.fromRawSocketId(serializerId);
        int error = (request & 0xFFFF) != 0 ? RESERVED_BITS
                : serialization == null ? SERIALIZER_UNSUPPORTED
                : clientMaxLength < minClientMaxLength ? MAX_LENGTH_UNACCEPTABLE
                : !admit.test(ctx.channel()) ? MAX_CONNECTIONS
                : 0;
        if (error != 0 || serialization == null) {
            log.debug("Refusing the RawSocket handshake {} of {} with error {}", Integer.toHexString(request),
                    ctx.channel().remoteAddress(), error);
            fail(in);
            ctx.writeAndFlush(ctx.alloc().buffer(4).writeInt(RawSocketFraming.errorReply(error)))
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        ctx.writeAndFlush(ctx.alloc().buffer(4).writeInt(RawSocketFraming.successReply(lengthExponent, serializerId)),
                ctx.voidPromise());
        state = State.FRAMES;
        out.add(new RawSocketFraming.Handshake(serialization, clientMaxLength));
    }

    private void frame(ByteBuf in, List<Object> out) {
        if (in.readableBytes() < 4) {
            return;
        }
        int prefix = in.getInt(in.readerIndex());
        int flags = prefix >>> 24;
        int type = flags & 0x07;
        int length = prefix & 0xFFFFFF;
        if ((flags & 0xF0) != 0) {
            throw violation(in, "reserved bits set in a RawSocket frame prefix");
        }
        if ((flags & 0x08) != 0) {
            if (length != 0) {
                throw violation(in, "invalid RawSocket frame length");
            }
            length = MAX_LENGTH;
        }
        if (type > PONG) {
            throw violation(in, "reserved RawSocket frame type " + type);
        }
        if (length > maxLength) {
            throw violation(in, "message of " + length + " bytes exceeds the limit of " + maxLength + " bytes");
        }
        if (in.readableBytes() < 4 + length) {
            return;
        }
        in.skipBytes(4);
        switch (type) {
            case MESSAGE -> out.add(in.readRetainedSlice(length));
            case PING -> out.add(new RawSocketFraming.Ping(in.readRetainedSlice(length)));
            default -> {
                in.skipBytes(length);
                out.add(RawSocketFraming.Pong.RECEIVED);
            }
        }
    }

    private ProtocolViolationException violation(ByteBuf in, String message) {
        fail(in);
        return new ProtocolViolationException(message);
    }

    private void fail(ByteBuf in) {
        state = State.FAILED;
        in.skipBytes(in.readableBytes());
    }

    private void cancelHandshakeTimer() {
        if (handshakeTimer != null) {
            handshakeTimer.cancel(false);
            handshakeTimer = null;
        }
    }
}
