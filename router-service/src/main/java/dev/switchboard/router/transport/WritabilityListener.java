package dev.switchboard.router.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Sits in a connection's pipeline (under {@link #NAME}, before Reactor Netty's bridge) and follows the channel's
 * writability: resumes the connection's drain when Netty's write buffer has room again, and reads only while it has.
 *
 * <p>Reading only while writable is the inbound backpressure. Inbound frames are requested from Reactor Netty without
 * bound, which keeps it on its fast path (each frame handed over as it is decoded); reading is turned off instead
 * while the channel is not writable. A peer that sends faster than it reads our answers thus stops being read, and
 * TCP pushes back on it, rather than the answers piling up until its outbound queue overflows. (What the current read
 * brought in is still delivered, so a peer that does not read at all can still overflow its queue.)
 */
final class WritabilityListener extends ChannelInboundHandlerAdapter {

    static final String NAME = "switchboard.wamp.writability";

    private final NettyConnection connection;

    WritabilityListener(NettyConnection connection) {
        this.connection = connection;
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        Channel channel = ctx.channel();
        boolean writable = channel.isWritable();
        if (writable) {
            connection.channelWritable();
        }
        if (channel.config().isAutoRead() != writable) {
            channel.config().setAutoRead(writable);
        }
        ctx.fireChannelWritabilityChanged();
    }
}
