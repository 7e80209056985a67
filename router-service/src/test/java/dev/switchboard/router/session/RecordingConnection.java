package dev.switchboard.router.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.wamp.codec.Serialization;
import dev.switchboard.wamp.message.WampMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** A connection for session tests that records what the router sends and whether it closed the connection. */
final class RecordingConnection implements Connection {

    private final List<WampMessage> sent = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean closed;

    @Override
    public boolean send(WampMessage message) {
        if (closed) {
            return false;
        }
        sent.add(message);
        return true;
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public TransportInfo info() {
        return new TransportInfo("websocket", Serialization.JSON, "tcp4:127.0.0.1:50000", Map.of(), false);
    }

    boolean closed() {
        return closed;
    }

    <T extends WampMessage> T take(Class<T> type) {
        assertThat(sent).as("messages sent").isNotEmpty();
        WampMessage first = sent.removeFirst();
        assertThat(first).isInstanceOf(type);
        return type.cast(first);
    }

    void assertNothingMore() {
        assertThat(sent).isEmpty();
    }
}
