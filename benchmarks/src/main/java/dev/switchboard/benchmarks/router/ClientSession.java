package dev.switchboard.benchmarks.router;

import dev.switchboard.wamp.codec.Serialization;
import dev.switchboard.wamp.codec.WampCodec;
import dev.switchboard.wamp.message.Abort;
import dev.switchboard.wamp.message.Call;
import dev.switchboard.wamp.message.Error;
import dev.switchboard.wamp.message.Goodbye;
import dev.switchboard.wamp.message.Hello;
import dev.switchboard.wamp.message.HelloDetails;
import dev.switchboard.wamp.message.Registered;
import dev.switchboard.wamp.message.Roles;
import dev.switchboard.wamp.message.Subscribed;
import dev.switchboard.wamp.message.WampMessage;
import dev.switchboard.wamp.message.Welcome;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;

/**
 * One WAMP client session over RawSocket with MessagePack, the cheapest client side: the 4-octet handshake, HELLO →
 * WELCOME on realm {@code realm}, then frames of {@code [length][MessagePack message]}. Everything but
 * {@link #request}, {@link #execute} and {@link #close} runs on the channel's event loop, where the {@link Handler} is
 * called; writes are not flushed until {@link #flush} (by default after each read batch), so answers to a batch of
 * messages leave in one system call. The router's PINGs are answered at once.
 */
final class ClientSession extends ByteToMessageDecoder {

    /** The scenario's part, called on the session's event loop. */
    interface Handler {

        /** A message that is no reply to {@link #request} (INVOCATION, RESULT, EVENT, ERROR of a CALL …). */
        void onMessage(ClientSession session, WampMessage message);

        /** A batch of reads is done: flushes what the handler wrote, unless overridden. */
        default void onReadComplete(ClientSession session) {
            session.flush();
        }
    }

    static final Handler IDLE = (session, message) -> { };

    /** Magic octet, maximum length 2^(9+15) = 16 MiB, serializer 2 (MessagePack). */
    private static final int HANDSHAKE = 0x7F << 24 | (15 << 4 | Serialization.MSGPACK.rawSocketId()) << 16;
    private static final int PONG = 2;
    private static final WampCodec CODEC = WampCodec.of(Serialization.MSGPACK);
    private static final HelloDetails HELLO = new HelloDetails(
            Roles.of(Map.of(Roles.CALLER, Set.of(), Roles.CALLEE, Set.of(), Roles.PUBLISHER, Set.of(),
                    Roles.SUBSCRIBER, Set.of())),
            List.of("anonymous"), null, null, Map.of(), "switchboard-router-load", Map.of());

    private final String realm;
    private final Handler handler;
    private final CompletableFuture<ClientSession> welcomed = new CompletableFuture<>();
    private final Map<Long, CompletableFuture<WampMessage>> replies = new HashMap<>(); // event loop
    private @Nullable Channel channel;
    private boolean handshaken; // event loop
    private long sessionId; // event loop until welcomed completes, then read-only
    private long lastRequestId; // event loop
    private byte[] scratch = new byte[4096]; // event loop
    private volatile boolean closed;

    private ClientSession(String realm, Handler handler) {
        this.realm = realm;
        this.handler = handler;
    }

    /** Connects and joins {@code realm}; completes with the session once WELCOME arrived. */
    static CompletableFuture<ClientSession> open(Bootstrap bootstrap, InetSocketAddress router, String realm,
                                                 Handler handler) {
        ClientSession session = new ClientSession(realm, handler);
        ChannelFuture connect = bootstrap.handler(session).connect(router);
        connect.addListener(done -> {
            if (!done.isSuccess()) {
                session.welcomed.completeExceptionally(done.cause());
            }
        });
        return session.welcomed;
    }

    long sessionId() {
        return sessionId;
    }

    EventLoop eventLoop() {
        return channel().eventLoop();
    }

    boolean isClosed() {
        return closed;
    }

    /** The next request id of this session (sequential from 1). Event loop. */
    long nextRequestId() {
        return ++lastRequestId;
    }

    /** Encodes and writes {@code message} without flushing. Event loop. */
    void write(WampMessage message) {
        Channel ch = channel();
        byte[] bytes = CODEC.encode(message);
        ByteBuf frame = ch.alloc().ioBuffer(4 + bytes.length);
        frame.writeInt(bytes.length).writeBytes(bytes); // frame type 0: a WAMP message
        ch.write(frame, ch.voidPromise());
    }

    /** Event loop. */
    void flush() {
        channel().flush();
    }

    /** Runs {@code task} on the session's event loop. Any thread. */
    void execute(Runnable task) {
        eventLoop().execute(task);
    }

    /**
     * Sends the request built for the next request id and completes with its reply (REGISTERED, SUBSCRIBED or
     * ERROR). Any thread.
     */
    CompletableFuture<WampMessage> request(LongFunction<WampMessage> request) {
        CompletableFuture<WampMessage> reply = new CompletableFuture<>();
        execute(() -> {
            long id = nextRequestId();
            replies.put(id, reply);
            write(request.apply(id));
            flush();
        });
        return reply;
    }

    /** Closes the connection (no GOODBYE: the router sees the transport close). Any thread. */
    ChannelFuture close() {
        return channel().close();
    }

    /** The local port, as the router's log names the connection ({@code tcp4:127.0.0.1:PORT}), and the session. */
    @Override
    public String toString() {
        Channel ch = channel;
        return (ch == null ? "unconnected" : String.valueOf(ch.localAddress())) + " session " + sessionId;
    }

    private Channel channel() {
        Channel ch = channel;
        if (ch == null) {
            throw new IllegalStateException("not connected");
        }
        return ch;
    }

    // ---- Netty, event loop

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        channel = ctx.channel();
        ctx.writeAndFlush(ctx.alloc().buffer(4).writeInt(HANDSHAKE), ctx.voidPromise());
        super.channelActive(ctx);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.readableBytes() >= 4) {
            if (!handshaken) {
                int reply = in.readInt();
                if (reply >>> 24 != 0x7F || (reply >>> 16 & 0x0F) != Serialization.MSGPACK.rawSocketId()) {
                    in.skipBytes(in.readableBytes());
                    welcomed.completeExceptionally(new IllegalStateException(
                            "the router refused the RawSocket handshake with error " + (reply >>> 20 & 0x0F)));
                    ctx.close();
                    return;
                }
                handshaken = true;
                write(new Hello(realm, HELLO));
                flush();
                continue;
            }
            int prefix = in.getInt(in.readerIndex());
            int type = prefix >>> 24 & 0x07;
            int length = (prefix >>> 24 & 0x08) != 0 ? 1 << 24 : prefix & 0xFFFFFF;
            if (in.readableBytes() < 4 + length) {
                return;
            }
            in.skipBytes(4);
            switch (type) {
                case 0 -> message(ctx, in, length);
                case 1 -> { // PING: answer with a PONG echoing the payload
                    ByteBuf payload = in.readRetainedSlice(length);
                    ctx.write(ctx.alloc().buffer(4).writeInt(PONG << 24 | length), ctx.voidPromise());
                    ctx.writeAndFlush(payload, ctx.voidPromise());
                }
                default -> in.skipBytes(length);
            }
        }
    }

    private void message(ChannelHandlerContext ctx, ByteBuf in, int length) {
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, scratch.length * 2)];
        }
        in.readBytes(scratch, 0, length);
        WampMessage message = CODEC.decode(scratch, 0, length);
        switch (message) {
            case Welcome welcome when sessionId == 0 -> {
                sessionId = welcome.sessionId();
                welcomed.complete(this);
            }
            case Abort abort -> {
                welcomed.completeExceptionally(new IllegalStateException("ABORT " + abort.reason()));
                ctx.close();
            }
            case Goodbye goodbye -> ctx.close();
            case Registered registered -> reply(registered.requestId(), registered);
            case Subscribed subscribed -> reply(subscribed.requestId(), subscribed);
            case Error error when error.requestType() != Call.TYPE && replies.containsKey(error.requestId()) ->
                    reply(error.requestId(), error);
            default -> handler.onMessage(this, message);
        }
    }

    private void reply(long requestId, WampMessage message) {
        CompletableFuture<WampMessage> reply = replies.remove(requestId);
        if (reply != null) {
            reply.complete(message);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
        super.channelReadComplete(ctx);
        if (sessionId != 0) {
            handler.onReadComplete(this);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        closed = true;
        IllegalStateException gone = new IllegalStateException("connection closed");
        welcomed.completeExceptionally(gone);
        replies.values().forEach(reply -> reply.completeExceptionally(gone));
        replies.clear();
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        welcomed.completeExceptionally(cause);
        if (!closed) {
            System.err.println("router-load: connection failed: " + cause);
        }
        ctx.close();
    }
}
