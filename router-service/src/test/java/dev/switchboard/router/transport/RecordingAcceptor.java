package dev.switchboard.router.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.router.session.Connection;
import dev.switchboard.router.session.ConnectionAcceptor;
import dev.switchboard.router.session.ConnectionHandler;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Stands in for the session layer: gives every connection a {@link RecordingHandler}, in order of arrival. */
final class RecordingAcceptor implements ConnectionAcceptor {

    private final BlockingQueue<RecordingHandler> accepted = new LinkedBlockingQueue<>();

    @Override
    public ConnectionHandler accept(Connection connection) {
        RecordingHandler handler = new RecordingHandler(connection);
        accepted.add(handler);
        return handler;
    }

    /** The handler of the next accepted connection, waiting up to 5 s for it. */
    RecordingHandler next() throws InterruptedException {
        RecordingHandler handler = accepted.poll(5, TimeUnit.SECONDS);
        assertThat(handler).as("a connection accepted within 5 s").isNotNull();
        return handler;
    }

    /** Whether no connection was accepted that no test took yet. */
    boolean noneWaiting() {
        return accepted.isEmpty();
    }

    void forget() {
        accepted.clear();
    }
}
