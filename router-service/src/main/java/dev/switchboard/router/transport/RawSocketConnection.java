package dev.switchboard.router.transport;

import dev.switchboard.router.session.TransportInfo;
import dev.switchboard.wamp.codec.WampCodec;
import dev.switchboard.wamp.message.Abort;
import dev.switchboard.wamp.message.CloseDetails;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;

/**
 * A WAMP connection over RawSocket: each message is one frame with a 4-octet prefix. Messages longer than the client
 * announced in its handshake are never sent; such a message closes the connection instead. RawSocket has no close
 * frame: closing writes what is queued, then ends the TCP stream, and the connection closes when the client closes
 * its side. A close the session layer did not ask for (an outbound queue overflow) writes an ABORT last, so that a
 * client that reads again learns why. That ABORT goes after everything queued, which is written only as fast as the
 * client reads: a client that does not read all of it within {@code close-timeout} is cut without it.
 */
final class RawSocketConnection extends NettyConnection {

    private static final CloseReason PONGS_UNREAD =
            new CloseReason(1008, "the peer sends pings but does not read the pongs");

    RawSocketConnection(Channel channel, RawSocketFraming.Handshake handshake, TransportInfo info,
                        TransportProperties properties, TransportMetrics metrics) {
        super(channel, WampCodec.of(handshake.serialization()), info, properties, metrics, handshake.clientMaxLength());
    }

    @Override
    void writeMessage(byte[] message) {
        ByteBuf frame = channel.alloc().ioBuffer(4 + message.length);
        frame.writeInt(RawSocketFraming.prefix(RawSocketFraming.MESSAGE, message.length)).writeBytes(message);
        channel.write(frame, channel.voidPromise());
    }

    @Override
    void writePing(long number) {
        ByteBuf frame = channel.alloc().ioBuffer(12);
        frame.writeInt(RawSocketFraming.prefix(RawSocketFraming.PING, 8)).writeLong(number);
        channel.writeAndFlush(frame, channel.voidPromise());
    }

    /**
     * RawSocket has no close frame: the end of the TCP stream is the close. When the session layer has told the peer
     * nothing, an ABORT takes the close frame's place; it bypasses the outbound queue, which may be full, but is
     * written only once what was queued is written (so the peer reads it only if it reads that much before
     * {@code close-timeout}).
     */
    @Override
    void writeClose(CloseReason reason) {
        String abortUri = reason.abortUri();
        if (abortUri != null) {
            writeMessage(codec.encode(new Abort(CloseDetails.message(reason.text()), abortUri)));
        }
    }

    /**
     * Answers a PING at once with a PONG echoing its payload, unless the peer is not reading what we write: then
     * the pongs would pile up, so the connection is closed.
     */
    void answerPing(ByteBuf payload) {
        if (!channel.isActive() || isClosing()) {
            return;
        }
        if (!channel.isWritable()) {
            requestClose(PONGS_UNREAD);
            return;
        }
        ByteBuf prefix = channel.alloc().ioBuffer(4).writeInt(RawSocketFraming.prefix(RawSocketFraming.PONG,
                payload.readableBytes()));
        channel.write(prefix, channel.voidPromise());
        channel.writeAndFlush(payload.retainedDuplicate(), channel.voidPromise());
    }
}
