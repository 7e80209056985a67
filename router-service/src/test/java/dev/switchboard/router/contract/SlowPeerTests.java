package dev.switchboard.router.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.wamp.codec.Serialization;
import dev.switchboard.wamp.message.Abort;
import dev.switchboard.wamp.message.Event;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.Publish;
import dev.switchboard.wamp.message.PublishOptions;
import dev.switchboard.wamp.message.Published;
import dev.switchboard.wamp.message.SubscribeOptions;
import dev.switchboard.wamp.message.WampMessage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A subscriber that stops reading must not hold up anyone else: once its outbound queue is full it is closed, with a
 * reason it can read when it reads again, while the publisher and the other subscribers go on.
 */
@TestPropertySource(properties = "switchboard.router.transport.outbound-queue-capacity=64")
class SlowPeerTests extends RunningRouter {

    private static final Serialization SERIALIZATION = Serialization.JSON;
    private static final PublishOptions ACKNOWLEDGED = new PublishOptions(true, true, List.of(), List.of(),
            List.of(), null, null, null, false, false, Map.of());
    /** Enough to fill every buffer between the router and a peer that does not read, many times over. */
    private static final int MAX_PUBLICATIONS = 20_000;

    @Autowired
    private MeterRegistry meters;

    /** {@code wamp.transport.outbound.overflows}: connections closed because their outbound queue was full. */
    private double overflows(Transport transport) {
        Counter counter = meters.find("wamp.transport.outbound.overflows")
                .tag("transport", transport.name().toLowerCase(Locale.ROOT)).counter();
        return counter == null ? 0 : counter.count();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aSubscriberThatStopsReadingIsClosedWithAReasonWhileThePublisherAndTheOtherSubscriberGoOn(
            Transport transport) {
        double before = overflows(transport);
        String topic = unique("slow.news");
        TestClient publisher = join(transport, SERIALIZATION);
        TestClient reader = join(transport, SERIALIZATION);
        TestClient slow = join(transport, SERIALIZATION);
        long subscription = reader.subscribe(topic, SubscribeOptions.DEFAULT);
        slow.subscribe(topic, SubscribeOptions.DEFAULT);
        Payload news = Payload.of("x".repeat(16 * 1024));

        slow.stopReading();
        int published = 0;
        while (overflows(transport) == before) {
            assertThat(published).as("publications without the slow subscriber's queue overflowing")
                    .isLessThan(MAX_PUBLICATIONS);
            publishAndReceive(publisher, reader, subscription, topic, news);
            published++;
        }
        for (int i = 0; i < 10; i++) {
            publishAndReceive(publisher, reader, subscription, topic, news);
        }

        assertThat(overflows(transport)).isEqualTo(before + 1);
        slow.resumeReading();
        TestClient.Ending ending = slow.awaitEnd();
        List<WampMessage> messages = ending.messages();
        if (transport == Transport.WEBSOCKET) {
            assertThat(ending.closed().code()).as("policy violation").isEqualTo(1008);
            assertThat(ending.closed().reason()).contains("outbound queue overflow");
        } else {
            assertThat(messages).as("the last message before the end").last()
                    .isInstanceOfSatisfying(Abort.class, abort -> {
                        assertThat(abort.reason()).isEqualTo("switchboard.close.outbound_queue_overflow");
                        assertThat(abort.details().message()).contains("outbound queue overflow");
                    });
            messages = messages.subList(0, messages.size() - 1);
        }
        assertThat(messages).as("the events it had before it was closed").isNotEmpty()
                .hasSizeLessThan(published).allSatisfy(message -> assertThat(message).isInstanceOf(Event.class));
    }

    private static void publishAndReceive(TestClient publisher, TestClient reader, long subscription, String topic,
                                          Payload news) {
        long request = publisher.nextRequestId();
        publisher.send(new Publish(request, ACKNOWLEDGED, topic, news));
        Published published = publisher.expect(Published.class);
        assertThat(published.requestId()).isEqualTo(request);
        Event event = reader.expect(Event.class);
        assertThat(event.subscriptionId()).isEqualTo(subscription);
        assertThat(event.publicationId()).isEqualTo(published.publicationId());
    }
}
