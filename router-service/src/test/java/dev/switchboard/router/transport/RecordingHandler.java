package dev.switchboard.router.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.router.session.Connection;
import dev.switchboard.router.session.ConnectionHandler;
import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.ProtocolViolationException;
import dev.switchboard.wamp.message.Abort;
import dev.switchboard.wamp.message.CloseDetails;
import dev.switchboard.wamp.message.WampMessage;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records what the transport tells one connection's handler, and checks the contract as it goes: calls never overlap,
 * nothing comes after {@code onClosed()}, which comes once. Answers a protocol violation like the session layer does:
 * ABORT {@code wamp.error.protocol_violation}, then close.
 */
final class RecordingHandler implements ConnectionHandler {

    final Connection connection;
    private final BlockingQueue<WampMessage> messages = new LinkedBlockingQueue<>();
    private final BlockingQueue<ProtocolViolationException> violations = new LinkedBlockingQueue<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicInteger closedCalls = new AtomicInteger();
    private final AtomicInteger inCall = new AtomicInteger();
    private final AtomicInteger contractBreaches = new AtomicInteger();

    RecordingHandler(Connection connection) {
        this.connection = connection;
    }

    /** Whether to send every message back as it arrives, on the transport's thread. */
    volatile boolean echo;

    @Override
    public void onMessage(WampMessage message) {
        enter();
        messages.add(message);
        if (echo) {
            connection.send(message);
        }
        leave();
    }

    @Override
    public void onProtocolViolation(ProtocolViolationException violation) {
        enter();
        violations.add(violation);
        connection.send(new Abort(CloseDetails.message(String.valueOf(violation.getMessage())),
                ErrorUris.PROTOCOL_VIOLATION));
        connection.close();
        leave();
    }

    @Override
    public void onClosed() {
        enter();
        closedCalls.incrementAndGet();
        closed.countDown();
        leave();
    }

    WampMessage nextMessage() throws InterruptedException {
        WampMessage message = messages.poll(5, TimeUnit.SECONDS);
        assertThat(message).as("a message within 5 s").isNotNull();
        return message;
    }

    ProtocolViolationException nextViolation() throws InterruptedException {
        ProtocolViolationException violation = violations.poll(5, TimeUnit.SECONDS);
        assertThat(violation).as("a protocol violation within 5 s").isNotNull();
        return violation;
    }

    /** Waits up to 5 s for {@code onClosed()}, then checks the contract was kept. */
    void awaitClosed() throws InterruptedException {
        assertThat(closed.await(5, TimeUnit.SECONDS)).as("onClosed() within 5 s").isTrue();
        Thread.sleep(50); // a late or second call would show up here
        assertThat(closedCalls).as("onClosed() calls").hasValue(1);
        assertKeptContract();
    }

    boolean isClosed() {
        return closed.getCount() == 0;
    }

    boolean receivedNothing() {
        return messages.isEmpty() && violations.isEmpty();
    }

    void assertKeptContract() {
        assertThat(contractBreaches).as("overlapping calls or calls after onClosed()").hasValue(0);
    }

    private void enter() {
        if (inCall.getAndIncrement() != 0 || closedCalls.get() != 0) {
            contractBreaches.incrementAndGet();
        }
    }

    private void leave() {
        inCall.decrementAndGet();
    }
}
