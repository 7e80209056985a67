package dev.switchboard.router.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.wamp.CloseUris;
import dev.switchboard.wamp.Match;
import dev.switchboard.wamp.codec.Serialization;
import dev.switchboard.wamp.message.CloseDetails;
import dev.switchboard.wamp.message.Event;
import dev.switchboard.wamp.message.Goodbye;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.Publish;
import dev.switchboard.wamp.message.PublishOptions;
import dev.switchboard.wamp.message.Published;
import dev.switchboard.wamp.message.SubscribeOptions;
import dev.switchboard.wamp.message.Welcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A retained event outlives the session that published it. The router keeps the event, and who published it, but
 * not the publisher's session and connection, which would cost several KiB per retained topic for ever.
 */
class RetainedEventMemoryTests extends RunningRouter {

    static final int PUBLISHERS = 2000;
    /** Much more than a small retained event takes, much less than a departed session and connection. */
    static final long MAX_BYTES_PER_EVENT = 3 * 1024;

    @Test
    void aRetainedEventDoesNotKeepItsDepartedPublisherInMemory() throws InterruptedException {
        publishRetainedAndLeave(unique("retained.warmup"), 300);
        long before = usedHeapAfterGc();

        String prefix = unique("retained.memory");
        publishRetainedAndLeave(prefix, PUBLISHERS);

        long perEvent = (usedHeapAfterGc() - before) / PUBLISHERS;
        System.out.printf("Retained events of departed publishers: %d bytes of heap each%n", perEvent);
        assertThat(perEvent).as("heap bytes per retained event of a departed publisher")
                .isLessThan(MAX_BYTES_PER_EVENT);
        TestClient subscriber = join(Transport.RAWSOCKET, Serialization.CBOR);
        for (int i : new int[] {0, PUBLISHERS / 2, PUBLISHERS - 1}) {
            long subscription = subscriber.subscribe(prefix + ".topic" + i,
                    new SubscribeOptions(Match.EXACT, true, Map.of()));
            Event event = subscriber.expect(Event.class);
            assertThat(event.subscriptionId()).isEqualTo(subscription);
            assertThat(event.details().retained()).as("still retained").isTrue();
            assertThat(event.payload()).isEqualTo(Payload.of((long) i));
        }
    }

    /**
     * {@code count} sessions that each publish a retained event to a topic of their own under {@code prefix}, then
     * leave: HELLO, PUBLISH and GOODBYE sent at once, then WELCOME, PUBLISHED, GOODBYE and the end awaited.
     */
    private void publishRetainedAndLeave(String prefix, int count) {
        PublishOptions retainAndAcknowledge = new PublishOptions(true, true, List.of(), List.of(), List.of(), null,
                null, null, false, true, Map.of());
        int sessionsBefore = sessions.count();
        for (int i = 0; i < count; i++) {
            try (TestClient publisher = RawSocketTestClient.connect(endpoints().rawSocketPort(),
                    Serialization.MSGPACK)) {
                publisher.send(TestClient.hello(TestClient.REALM));
                publisher.send(new Publish(1, retainAndAcknowledge, prefix + ".topic" + i, Payload.of(i)));
                publisher.send(new Goodbye(CloseDetails.DEFAULT, CloseUris.NORMAL));
                publisher.expect(Welcome.class);
                publisher.expect(Published.class);
                publisher.expect(Goodbye.class);
                publisher.awaitClosed();
            }
        }
        awaitSessions(sessionsBefore, "the publishers to leave");
    }
}
