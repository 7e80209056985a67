package dev.switchboard.router.meta;

import static dev.switchboard.router.meta.MetaFixture.kwargs;
import static dev.switchboard.router.meta.MetaFixture.listOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.router.routing.RecordingPeer;
import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.message.Event;
import dev.switchboard.wamp.message.Goodbye;
import dev.switchboard.wamp.message.Payload;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestamentsTests {

    private static final String ADD = "wamp.session.add_testament";
    private static final String FLUSH = "wamp.session.flush_testaments";

    private final MetaFixture fixture = new MetaFixture();
    private final RecordingPeer watcher = fixture.join("watcher");
    private final RecordingPeer client = fixture.join("client");

    @Test
    void testamentsArePublishedInTheOrderAddedWhenTheSessionLeavesBeforeItsOnLeave() {
        long lastWords = fixture.subscribe(watcher, "com.example.last_words");
        fixture.watch(watcher, "wamp.session.on_leave");

        assertThat(fixture.call(client, ADD, "com.example.last_words", List.of("first"), Map.of("n", 1L)))
                .isEmpty();
        fixture.call(client, ADD, "com.example.last_words", List.of("second"), Map.of());
        watcher.assertNothingMore();

        fixture.realm.leave(client.sessionId());

        Event first = watcher.take(Event.class);
        assertThat(first.subscriptionId()).isEqualTo(lastWords);
        assertThat(first.payload()).isEqualTo(Payload.of(List.of("first"), Map.of("n", 1L)));
        assertThat(watcher.take(Event.class).payload()).isEqualTo(Payload.of("second"));
        assertThat(fixture.event(watcher).topic()).isEqualTo("wamp.session.on_leave");
        watcher.assertNothingMore();
    }

    @Test
    void aKilledSessionsTestamentsArePublishedToo() {
        fixture.subscribe(watcher, "com.example.gone");
        fixture.call(client, ADD, "com.example.gone", List.of(client.sessionId()), Map.of());

        fixture.call(fixture.join("admin"), "wamp.session.kill", client.sessionId());

        client.take(Goodbye.class);
        assertThat(watcher.take(Event.class).payload()).isEqualTo(Payload.of(client.sessionId()));
    }

    @Test
    void detachedTestamentsGoBeforeDestroyedOnes() {
        fixture.subscribe(watcher, "com.example.status");
        fixture.call(client, ADD, "com.example.status", List.of("destroyed"), Map.of());
        fixture.callWith(client, ADD, kwargs(listOf("com.example.status", List.of("detached"), Map.of()),
                Map.of("scope", "detached")));

        fixture.realm.leave(client.sessionId());

        assertThat(watcher.take(Event.class).payload()).isEqualTo(Payload.of("detached"));
        assertThat(watcher.take(Event.class).payload()).isEqualTo(Payload.of("destroyed"));
    }

    @Test
    void flushRemovesTheTestamentsOfOneScopeAndCountsThem() {
        fixture.subscribe(watcher, "com.example.status");
        fixture.call(client, ADD, "com.example.status", List.of("one"), Map.of());
        fixture.call(client, ADD, "com.example.status", List.of("two"), Map.of());
        fixture.call(client, ADD, "com.example.status", List.of("kept"), Map.of(), Map.of(), "detached");

        assertThat(fixture.call(client, FLUSH)).containsExactly(2L);
        assertThat(fixture.call(client, FLUSH)).containsExactly(0L);
        fixture.realm.leave(client.sessionId());

        assertThat(watcher.take(Event.class).payload()).isEqualTo(Payload.of("kept"));
        watcher.assertNothingMore();
    }

    @Test
    void publishOptionsApplyToTheTestamentAsToAPublication() {
        RecordingPeer other = fixture.join("other");
        fixture.subscribe(watcher, "com.example.status");
        fixture.subscribe(other, "com.example.status");
        fixture.callWith(client, ADD, kwargs(listOf("com.example.status", List.of("bye"), Map.of()),
                Map.of("publish_options", Map.of("exclude_authid", List.of("other"), "disclose_me", true,
                        "acknowledge", true))));

        fixture.realm.leave(client.sessionId());

        Event event = watcher.take(Event.class);
        assertThat(event.details().publisher()).isEqualTo(client.sessionId());
        assertThat(event.details().publisherAuthid()).isEqualTo("client");
        other.assertNothingMore();
        client.assertNothingMore();
    }

    @Test
    void aTestamentNeedsAValidTopicOutsideWampAndAKnownScope() {
        assertThat(fixture.fails(client, ADD, "wamp.session.on_leave", List.of(), Map.of()).error())
                .isEqualTo(ErrorUris.INVALID_URI);
        assertThat(fixture.fails(client, ADD, "not a topic", List.of(), Map.of()).error())
                .isEqualTo(ErrorUris.INVALID_URI);
        assertThat(fixture.fails(client, ADD, "com.example.x", List.of(), Map.of(), Map.of(), "forever").error())
                .isEqualTo(ErrorUris.INVALID_ARGUMENT);
        assertThat(fixture.fails(client, ADD, "com.example.x", List.of(), Map.of(), Map.of("retain", "yes"))
                .error()).isEqualTo(ErrorUris.INVALID_ARGUMENT);
        assertThat(fixture.fails(client, FLUSH, "forever").error()).isEqualTo(ErrorUris.INVALID_ARGUMENT);
    }
}
