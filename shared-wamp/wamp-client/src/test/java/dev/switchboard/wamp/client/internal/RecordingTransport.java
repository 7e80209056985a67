package dev.switchboard.wamp.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.wamp.client.NotConnectedException;
import dev.switchboard.wamp.message.WampMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/** A transport that keeps what the session sends, for the test to read in order. */
final class RecordingTransport implements Transport {

    private final BlockingQueue<WampMessage> sent = new LinkedBlockingQueue<>();
    volatile @Nullable String closedWith;

    @Override
    public void send(WampMessage message) {
        if (closedWith != null) {
            throw new NotConnectedException("closed");
        }
        sent.add(message);
    }

    @Override
    public void close(String reason) {
        closedWith = reason;
    }

    /** The next message sent, of the given type. */
    <T extends WampMessage> T next(Class<T> type) throws InterruptedException {
        WampMessage message = sent.poll(5, TimeUnit.SECONDS);
        assertThat(message).as("a message sent within 5 s").isInstanceOf(type);
        return type.cast(message);
    }

    /** Takes what was sent and not read yet. */
    List<WampMessage> drain() {
        List<WampMessage> drained = new ArrayList<>();
        sent.drainTo(drained);
        return drained;
    }

    void assertNothingMoreWithin(long millis) throws InterruptedException {
        assertThat(sent.poll(millis, TimeUnit.MILLISECONDS)).isNull();
    }
}
