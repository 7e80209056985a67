package dev.switchboard.router.transport;

import static java.util.concurrent.TimeUnit.NANOSECONDS;

import io.netty.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;

/**
 * The ping watch of one connection, on its event loop: every {@code ping-interval} a ping goes out, unless one is
 * still unanswered; a ping that gets no pong within {@code ping-timeout} drops the connection. Any pong counts as the
 * answer (RFC 6455 allows unsolicited pongs as heartbeats).
 */
final class Liveness {

    private final NettyConnection connection;
    private final long intervalNanos;
    private final long timeoutNanos;
    private long pingsSent;
    private long awaitedPong; // the number of the unanswered ping, 0 for none
    private @Nullable ScheduledFuture<?> pingTimer;
    private @Nullable ScheduledFuture<?> pongTimer;

    /** Pings every {@code intervalNanos} (never if 0) and waits {@code timeoutNanos} for each pong. */
    Liveness(NettyConnection connection, long intervalNanos, long timeoutNanos) {
        this.connection = connection;
        this.intervalNanos = intervalNanos;
        this.timeoutNanos = timeoutNanos;
    }

    void start() {
        if (intervalNanos > 0) {
            pingTimer = connection.channel.eventLoop().schedule(this::ping, intervalNanos, NANOSECONDS);
        }
    }

    void pongReceived() {
        awaitedPong = 0;
    }

    void stop() {
        if (pingTimer != null) {
            pingTimer.cancel(false);
        }
        if (pongTimer != null) {
            pongTimer.cancel(false);
        }
    }

    private void ping() {
        pingTimer = null;
        if (connection.isClosing() || !connection.channel.isActive()) {
            return;
        }
        if (awaitedPong == 0) {
            long number = ++pingsSent;
            awaitedPong = number;
            connection.writePing(number);
            pongTimer = connection.channel.eventLoop().schedule(() -> pongOverdue(number), timeoutNanos, NANOSECONDS);
        }
        pingTimer = connection.channel.eventLoop().schedule(this::ping, intervalNanos, NANOSECONDS);
    }

    private void pongOverdue(long number) {
        if (awaitedPong == number) {
            connection.dropUnresponsive(NANOSECONDS.toMillis(timeoutNanos));
        }
    }
}
