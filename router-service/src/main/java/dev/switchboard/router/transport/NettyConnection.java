package dev.switchboard.router.transport;

import static java.util.concurrent.TimeUnit.NANOSECONDS;

import dev.switchboard.router.session.Connection;
import dev.switchboard.router.session.ConnectionAcceptor;
import dev.switchboard.router.session.ConnectionHandler;
import dev.switchboard.router.session.TransportInfo;
import dev.switchboard.wamp.ProtocolViolationException;
import dev.switchboard.wamp.codec.WampCodec;
import dev.switchboard.wamp.message.WampMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DuplexChannel;
import io.netty.util.concurrent.FastThreadLocal;
import io.netty.util.concurrent.ScheduledFuture;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Connection} over one Netty channel; subclasses add the framing of their transport.
 *
 * <p><b>Threads.</b> Everything but {@link #send}, {@link #close} and {@link #info} runs on the channel's event loop:
 * decoding, every call into the {@link ConnectionHandler} (so they are serial and in wire order), encoding, writing,
 * pings and timers. Fields marked "event loop" are touched nowhere else.
 *
 * <p><b>Outbound.</b> {@link #send} offers the message to a bounded lock-free {@link OutboundQueue} and, when it is
 * the first to find the connection idle ({@code wip} 0 → 1), schedules one drain task on the event loop. The drain
 * encodes and writes messages while the channel is writable, flushes once, and repeats while sends arrived meanwhile.
 * When Netty's write buffer passes its high-water mark the drain stops; {@link #channelWritable} resumes it. A full
 * queue refuses the message and closes the connection. While the channel is not writable the peer is not read either
 * ({@link WritabilityListener}), and a long read batch drains inline, so a peer flooding requests is slowed down by
 * TCP rather than disconnected for the answers piling up. {@link #close} refuses further sends; the drain goes on
 * (still only while writable, so a closing connection never holds more than a live one) and, with the queue empty,
 * writes the transport's close frame and half-closes (see {@code shutOutput}). A peer that does not read is cut
 * after {@code close-timeout}.
 *
 * <p><b>Liveness.</b> See {@link Liveness}.
 */
abstract class NettyConnection implements Connection {

    private static final Logger log = LoggerFactory.getLogger(NettyConnection.class);

    private static final int OPEN = 0;
    private static final int CLOSING = 1;
    private static final int CLOSED = 2;

    /** Inbound frames up to this size are copied into a per-thread scratch array to be decoded. */
    private static final int SCRATCH_SIZE = 64 * 1024;
    private static final FastThreadLocal<byte[]> SCRATCH = new FastThreadLocal<>() {
        @Override
        protected byte[] initialValue() {
            return new byte[SCRATCH_SIZE];
        }
    };

    private static final VarHandle STATE;
    private static final VarHandle WIP;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            STATE = lookup.findVarHandle(NettyConnection.class, "state", int.class);
            WIP = lookup.findVarHandle(NettyConnection.class, "wip", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final Channel channel;
    private final EventLoop eventLoop;
    final WampCodec codec;
    private final TransportInfo info;
    private final TransportMetrics metrics;
    private final OutboundQueue<WampMessage> outbound;
    private final int inlineDrainThreshold;
    private final int maxOutboundLength;
    private final Liveness liveness;
    private final long closeTimeoutNanos;
    private final Runnable drainTask = this::drain;

    private volatile int state;
    @SuppressWarnings("unused") // accessed through WIP
    private volatile int wip;
    /** Written by the thread that moves OPEN → CLOSING, or on the event loop; read on the event loop. */
    private volatile CloseReason closeReason = CloseReason.NORMAL;

    private @Nullable ConnectionHandler handler; // event loop
    private boolean outputShut; // event loop: the close frame is written, nothing more goes out
    private boolean closedNotified; // event loop
    private @Nullable ScheduledFuture<?> closeTimer; // event loop

    NettyConnection(Channel channel, WampCodec codec, TransportInfo info, TransportProperties properties,
                    TransportMetrics metrics, int maxOutboundLength) {
        this.channel = channel;
        this.eventLoop = channel.eventLoop();
        this.codec = codec;
        this.info = info;
        this.metrics = metrics;
        this.outbound = new OutboundQueue<>(properties.outboundQueueCapacity());
        this.inlineDrainThreshold = Math.max(1, properties.outboundQueueCapacity() / 2);
        this.maxOutboundLength = maxOutboundLength;
        this.liveness = new Liveness(this, properties.pingInterval().toNanos(), properties.pingTimeout().toNanos());
        this.closeTimeoutNanos = properties.closeTimeout().toNanos();
    }

    // ---- Connection, any thread

    @Override
    public final boolean send(WampMessage message) {
        Objects.requireNonNull(message, "message");
        if (state != OPEN) {
            return false;
        }
        if (!outbound.offer(message)) {
            metrics.overflow();
            requestClose(CloseReason.overflow(outbound.capacity()));
            return false;
        }
        signal();
        return true;
    }

    @Override
    public final void close() {
        requestClose(CloseReason.NORMAL);
    }

    @Override
    public final TransportInfo info() {
        return info;
    }

    /** Messages waiting to be written. */
    final int queued() {
        return outbound.size();
    }

    @Override
    public String toString() {
        return info.type() + " " + info.peer();
    }

    /**
     * Starts closing with {@code reason}. A transport's own reason (anything but {@link CloseReason#NORMAL}) given on
     * the event loop before the close frame is written replaces a normal close the handler asked for, so that a
     * protocol violation is closed with its WebSocket code even though the handler closed first. A reason that
     * carries an {@linkplain CloseReason#abortUri() ABORT} never does: the handler closed after its own GOODBYE or
     * ABORT, which must stay the last message (an overflow can race with that close when a send on the event loop
     * found the connection open just before another thread closed it).
     */
    final void requestClose(CloseReason reason) {
        if (STATE.compareAndSet(this, OPEN, CLOSING)) {
            closeReason = reason;
            signal();
        } else if (reason != CloseReason.NORMAL && reason.abortUri() == null && closeReason == CloseReason.NORMAL
                && state == CLOSING && eventLoop.inEventLoop() && !outputShut) {
            closeReason = reason;
        }
    }

    // ---- transport hooks, event loop

    /** Writes one encoded WAMP message, without flushing. */
    abstract void writeMessage(byte[] message);

    /** Writes and flushes a ping carrying {@code number}. */
    abstract void writePing(long number);

    /** Writes the transport's close frame, if it has one, without flushing. */
    abstract void writeClose(CloseReason reason);

    // ---- lifecycle, event loop

    /** Asks the session layer for a handler, then starts pings; call once, before any inbound frame. */
    final void open(ConnectionAcceptor acceptor) {
        metrics.opened(this);
        try {
            handler = acceptor.accept(this);
        } catch (RuntimeException e) {
            log.error("The session layer refused {}; closing it", this, e);
            metrics.closed(this);
            state = CLOSED;
            channel.close();
            return;
        }
        channel.closeFuture().addListener(future -> closed());
        liveness.start();
    }

    /** Decodes one inbound WAMP message and hands it to the handler; ignored once the connection is closing. */
    final void deliver(ByteBuf frame) {
        ConnectionHandler target = handler;
        if (state != OPEN || target == null) {
            return;
        }
        WampMessage message;
        try {
            message = decode(frame);
        } catch (ProtocolViolationException e) {
            violation(e, CloseReason.protocolError(Objects.requireNonNullElse(e.getMessage(), "protocol violation")));
            return;
        }
        try {
            target.onMessage(message);
        } catch (RuntimeException e) {
            log.error("The session layer failed on a message from {}; closing the connection", this, e);
            requestClose(CloseReason.internalError("internal error"));
        }
        if (outbound.size() >= inlineDrainThreshold) {
            // a long read batch keeps the drain task waiting: write answers now, so the queue does not fill up
            // and writability tells the truth about the peer
            writeQueued();
        }
    }

    /**
     * The peer broke the protocol: counts it, tells the handler (which answers with ABORT and closes) unless the
     * connection is already closing, and closes with {@code reason} after what the handler queued. A violation that
     * carries a {@linkplain ProtocolViolationException#failedRequest() request to answer} (a bad URI) is the handler's
     * to judge: if it answered with ERROR and left the connection open, the connection stays open.
     */
    final void violation(ProtocolViolationException violation, CloseReason reason) {
        metrics.violation();
        log.debug("Protocol violation by {}: {}", this, violation.getMessage());
        ConnectionHandler target = handler;
        boolean answerable = false;
        if (state == OPEN && target != null) {
            try {
                target.onProtocolViolation(violation);
                answerable = violation.failedRequest() != null;
            } catch (RuntimeException e) {
                log.error("The session layer failed on a protocol violation by {}", this, e);
            }
        }
        if (!answerable || state != OPEN) {
            requestClose(reason);
        }
    }

    /** Whether the connection is closing or closed: nothing more may be written. */
    final boolean isClosing() {
        return state != OPEN || outputShut;
    }

    /** A pong arrived: the peer is alive. */
    final void pongReceived() {
        liveness.pongReceived();
    }

    /** The peer did not answer a ping: drop the connection at once, discarding what is queued. */
    final void dropUnresponsive(long timeoutMillis) {
        if (channel.isOpen()) {
            log.info("Dropping {}: no pong within {} ms", this, timeoutMillis);
            STATE.compareAndSet(this, OPEN, CLOSING);
            outputShut = true;
            channel.close();
        }
    }

    /** A handler for the channel's pipeline that resumes draining and reads only while the channel is writable. */
    final WritabilityListener writabilityListener() {
        return new WritabilityListener(this);
    }

    /** Netty's write buffer fell below its low-water mark: resume draining. */
    final void channelWritable() {
        if ((int) WIP.getAndAdd(this, 1) == 0) {
            drain();
        }
    }

    /** Makes sure a drain runs after this call: schedules one unless one is scheduled or running. Any thread. */
    private void signal() {
        if ((int) WIP.getAndAdd(this, 1) == 0) {
            execute(drainTask);
        }
    }

    // ---- internals, event loop

    private WampMessage decode(ByteBuf frame) {
        int length = frame.readableBytes();
        if (frame.hasArray()) {
            return codec.decode(frame.array(), frame.arrayOffset() + frame.readerIndex(), length);
        }
        // the codec copies every value out of the frame, so the scratch array can be reused at once
        byte[] bytes = length <= SCRATCH_SIZE ? SCRATCH.get() : new byte[length];
        frame.getBytes(frame.readerIndex(), bytes, 0, length);
        return codec.decode(bytes, 0, length);
    }

    /**
     * Writes what is queued while the channel is writable. Once the connection is closing and everything queued is
     * written, writes the close frame; a peer that does not read until then is cut after {@code close-timeout}.
     */
    private void drain() {
        int missed = 1;
        do {
            if (!outputShut) {
                // read before writing: a queue found empty only proves that what was sent before a close that is
                // already visible has gone out; a close requested while writing is handled in the next round
                boolean closing = state == CLOSING;
                boolean emptied = writeQueued();
                if (closing && !outputShut) {
                    if (closeTimer == null) {
                        closeTimer = eventLoop.schedule(this::closeTimedOut, closeTimeoutNanos, NANOSECONDS);
                    }
                    if (emptied) {
                        shutOutput(closeReason);
                    }
                }
            }
            missed = (int) WIP.getAndAdd(this, -missed) - missed;
        } while (missed != 0);
    }

    /** Encodes and writes queued messages while the channel is writable, then flushes; true if none is left. */
    private boolean writeQueued() {
        boolean wrote = false;
        boolean emptied = false;
        while (channel.isWritable()) {
            WampMessage message = outbound.poll();
            if (message == null) {
                emptied = true;
                break;
            }
            byte[] encoded;
            try {
                encoded = codec.encode(message);
            } catch (RuntimeException e) {
                log.error("Cannot encode a message of type {} for {}; closing the connection", message.type(), this, e);
                fail(CloseReason.internalError("cannot encode a message of type " + message.type()));
                return false;
            }
            if (encoded.length > maxOutboundLength) {
                // the messages behind it must not overtake it, so the connection ends here
                log.warn("A message of type {} is {} bytes, more than {} accepts ({} bytes); closing the connection",
                        message.type(), encoded.length, this, maxOutboundLength);
                fail(CloseReason.tooBig("message of " + encoded.length + " bytes exceeds the peer's limit"));
                return false;
            }
            writeMessage(encoded);
            wrote = true;
        }
        if (wrote) {
            channel.flush();
        }
        return emptied;
    }

    /** A queued message cannot be written: drop the rest and close. */
    private void fail(CloseReason reason) {
        STATE.compareAndSet(this, OPEN, CLOSING);
        outbound.clear();
        shutOutput(reason);
    }

    /**
     * Writes the close frame after everything written so far, then half-closes: the peer reads all of it, then sees
     * the end of the stream, and the channel closes when the peer closes its side (or after {@code close-timeout}).
     * Closing at once instead could make the peer's TCP stack discard data it has not read yet when its own close
     * reply meets the closed socket and draws a reset.
     */
    private void shutOutput(CloseReason reason) {
        outputShut = true;
        if (reason.peerBrokeProtocol()) {
            log.debug("Closing {}: {} {}", this, reason.code(), reason.text());
        } else if (reason != CloseReason.NORMAL) {
            log.info("Closing {}: {} {}", this, reason.code(), reason.text());
        }
        writeClose(reason);
        channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(written -> {
            if (written.isSuccess() && channel instanceof DuplexChannel duplex && duplex.isActive()) {
                duplex.shutdownOutput();
            } else {
                channel.close();
            }
        });
        if (closeTimer == null && channel.isOpen()) {
            closeTimer = eventLoop.schedule(this::closeTimedOut, closeTimeoutNanos, NANOSECONDS);
        }
    }

    private void closeTimedOut() {
        if (channel.isOpen()) {
            log.info("Closing {}: the peer did not take its last messages within the close timeout", this);
            channel.close();
        }
    }

    /** The channel closed, for whatever reason: tell the handler, once. */
    private void closed() {
        state = CLOSED;
        outputShut = true;
        liveness.stop();
        if (closeTimer != null) {
            closeTimer.cancel(false);
        }
        outbound.clear();
        metrics.closed(this);
        ConnectionHandler target = handler;
        if (target != null && !closedNotified) {
            closedNotified = true;
            try {
                target.onClosed();
            } catch (RuntimeException e) {
                log.error("The session layer failed on the close of {}", this, e);
            }
        }
    }

    private void execute(Runnable task) {
        try {
            eventLoop.execute(task);
        } catch (RejectedExecutionException e) {
            channel.close(); // the event loop shuts down, and the connection with it
        }
    }
}
