package dev.switchboard.router.meta;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.router.routing.RecordingPeer;
import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.Match;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubscriptionProceduresTests {

    private final MetaFixture fixture = new MetaFixture();
    private final RecordingPeer caller = fixture.join("caller");
    private final RecordingPeer subscriber = fixture.join("subscriber");

    @Test
    void listGroupsTheSubscriptionsByMatchPolicy() {
        long exact = fixture.subscribe(subscriber, "com.example.news");
        long prefix = fixture.subscribe(subscriber, "com.example", Match.PREFIX);
        long wildcard = fixture.subscribe(subscriber, "com..news", Match.WILDCARD);

        assertThat(fixture.call(caller, "wamp.subscription.list")).containsExactly(Map.of(
                "exact", List.of(exact), "prefix", List.of(prefix), "wildcard", List.of(wildcard)));
    }

    @Test
    void lookupFindsTheSubscriptionOfExactlyThatPatternOrReturnsNull() {
        long exact = fixture.subscribe(subscriber, "com.example.news");
        long wildcard = fixture.subscribe(subscriber, "com..news", Match.WILDCARD);

        assertThat(fixture.call(caller, "wamp.subscription.lookup", "com.example.news")).containsExactly(exact);
        assertThat(fixture.call(caller, "wamp.subscription.lookup", "com..news", Map.of("match", "wildcard")))
                .containsExactly(wildcard);
        assertThat(fixture.call(caller, "wamp.subscription.lookup", "com..news")).containsExactly((Object) null);
    }

    @Test
    void matchReturnsEverySubscriptionAnEventWouldReachOrNull() {
        long exact = fixture.subscribe(subscriber, "com.example.news");
        long prefix = fixture.subscribe(subscriber, "com.example", Match.PREFIX);
        fixture.subscribe(subscriber, "org.other");

        @SuppressWarnings("unchecked")
        List<Object> ids = (List<Object>) fixture.call(caller, "wamp.subscription.match", "com.example.news")
                .getFirst();
        assertThat(ids).containsExactlyInAnyOrder(exact, prefix);
        assertThat(fixture.call(caller, "wamp.subscription.match", "net.nothing")).containsExactly((Object) null);
    }

    @Test
    void getDescribesTheSubscription() {
        Instant before = Instant.now();
        long id = fixture.subscribe(subscriber, "com.example", Match.PREFIX);

        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) fixture.call(caller, "wamp.subscription.get", id)
                .getFirst();
        assertThat(details).containsOnlyKeys("id", "created", "uri", "match")
                .containsEntry("id", id)
                .containsEntry("uri", "com.example")
                .containsEntry("match", "prefix");
        assertThat(Instant.parse((String) details.get("created"))).isBetween(before, Instant.now());
    }

    @Test
    void listAndCountTheSubscribers() {
        RecordingPeer second = fixture.join("second");
        long id = fixture.subscribe(subscriber, "com.example.news");
        fixture.subscribe(second, "com.example.news");

        assertThat(fixture.call(caller, "wamp.subscription.list_subscribers", id))
                .containsExactly(List.of(subscriber.sessionId(), second.sessionId()));
        assertThat(fixture.call(caller, "wamp.subscription.count_subscribers", id)).containsExactly(2L);
    }

    @Test
    void anUnknownSubscriptionFailsWithNoSuchSubscription() {
        for (String procedure : List.of("wamp.subscription.get", "wamp.subscription.list_subscribers",
                "wamp.subscription.count_subscribers")) {
            assertThat(fixture.fails(caller, procedure, 424242L).error()).as(procedure)
                    .isEqualTo(ErrorUris.NO_SUCH_SUBSCRIPTION);
        }
    }

    @Test
    void subscriptionsToMetaEventsAreNotDescribed() {
        long meta = fixture.subscribe(subscriber, "wamp.session.on_join");

        assertThat(fixture.call(caller, "wamp.subscription.list")).containsExactly(Map.of(
                "exact", List.of(), "prefix", List.of(), "wildcard", List.of()));
        assertThat(fixture.call(caller, "wamp.subscription.match", "wamp.session.on_join"))
                .containsExactly((Object) null);
        assertThat(fixture.fails(caller, "wamp.subscription.get", meta).error())
                .isEqualTo(ErrorUris.NO_SUCH_SUBSCRIPTION);
    }
}
