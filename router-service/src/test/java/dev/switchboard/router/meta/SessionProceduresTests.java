package dev.switchboard.router.meta;

import static dev.switchboard.router.meta.MetaFixture.kwargs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import dev.switchboard.router.routing.RecordingPeer;
import dev.switchboard.wamp.CloseUris;
import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.message.Goodbye;
import dev.switchboard.wamp.message.Register;
import dev.switchboard.wamp.message.RegisterOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionProceduresTests {

    private final MetaFixture fixture = new MetaFixture();

    @Test
    void countAndListReportEverySessionOfTheRealmButNotTheMetaSession() {
        RecordingPeer alice = fixture.join("alice");
        RecordingPeer bob = fixture.join("bob");

        assertThat(fixture.call(alice, "wamp.session.count")).containsExactly(2L);
        assertThat(fixture.call(alice, "wamp.session.list"))
                .singleElement().asInstanceOf(LIST)
                .containsExactlyInAnyOrder(alice.sessionId(), bob.sessionId())
                .doesNotContain(fixture.meta.sessionId());
    }

    @Test
    void countAndListKeepOnlyTheAuthrolesOfTheFilter() {
        RecordingPeer alice = fixture.join("alice", "admin");
        fixture.join("bob", "user");
        fixture.join("carol", "guest");

        assertThat(fixture.call(alice, "wamp.session.count", List.of("admin", "guest"))).containsExactly(2L);
        assertThat(fixture.call(alice, "wamp.session.list", List.of("admin")))
                .containsExactly(List.of(alice.sessionId()));
        assertThat(fixture.call(alice, "wamp.session.count", List.of())).containsExactly(0L);
        assertThat(fixture.fails(alice, "wamp.session.count", "admin").error())
                .isEqualTo(ErrorUris.INVALID_ARGUMENT);
    }

    @Test
    void getReturnsTheDetailsOfTheSession() {
        RecordingPeer alice = fixture.join("alice");
        RecordingPeer bob = fixture.join("bob", "admin");

        assertThat(fixture.call(alice, "wamp.session.get", bob.sessionId())).containsExactly(Map.of(
                "session", bob.sessionId(),
                "realm", "realm1",
                "authid", "bob",
                "authrole", "admin",
                "authmethod", "anonymous",
                "authprovider", "static",
                "authextra", Map.of("x", "y"),
                "transport", MetaFixture.TRANSPORT));
    }

    @Test
    void getOfAnUnknownSessionOrOfTheMetaSessionFailsWithNoSuchSession() {
        RecordingPeer alice = fixture.join("alice");

        assertThat(fixture.fails(alice, "wamp.session.get", 424242L).error()).isEqualTo(ErrorUris.NO_SUCH_SESSION);
        assertThat(fixture.fails(alice, "wamp.session.get", fixture.meta.sessionId()).error())
                .isEqualTo(ErrorUris.NO_SUCH_SESSION);
        assertThat(fixture.fails(alice, "wamp.session.get", "42").error()).isEqualTo(ErrorUris.INVALID_ARGUMENT);
        assertThat(fixture.fails(alice, "wamp.session.get").error()).isEqualTo(ErrorUris.INVALID_ARGUMENT);
    }

    @Test
    void killSaysGoodbyeWithReasonKilledAndTheSessionLeavesTheRealm() {
        RecordingPeer admin = fixture.join("admin");
        RecordingPeer victim = fixture.join("victim");

        assertThat(fixture.call(admin, "wamp.session.kill", victim.sessionId())).isEmpty();

        Goodbye goodbye = victim.take(Goodbye.class);
        assertThat(goodbye.reason()).isEqualTo(CloseUris.KILLED);
        assertThat(goodbye.details().message()).isNull();
        victim.assertNothingMore();
        assertThat(fixture.realm.member(victim.sessionId())).isNull();
        assertThat(fixture.call(admin, "wamp.session.list")).containsExactly(List.of(admin.sessionId()));
    }

    @Test
    void aRequestOfAKilledSessionThatReachesTheLoopLateIsDropped() {
        RecordingPeer admin = fixture.join("admin");
        RecordingPeer victim = fixture.join("victim");
        fixture.call(admin, "wamp.session.kill", victim.sessionId());
        victim.take(Goodbye.class);

        fixture.realm.route(victim.peer(), new Register(77, RegisterOptions.DEFAULT, "com.example.late"), false);

        victim.assertNothingMore();
        assertThat(fixture.call(admin, "wamp.registration.match", "com.example.late")).containsExactly((Object) null);
    }

    @Test
    void killTakesReasonAndMessageAsKeywordOrPositionalArguments() {
        RecordingPeer admin = fixture.join("admin");
        RecordingPeer first = fixture.join("first");
        RecordingPeer second = fixture.join("second");

        fixture.callWith(admin, "wamp.session.kill", kwargs(List.of(first.sessionId()),
                Map.of("reason", "com.example.maintenance", "message", "back soon")));
        fixture.call(admin, "wamp.session.kill", second.sessionId(), "com.example.banned", "bye");

        Goodbye toFirst = first.take(Goodbye.class);
        assertThat(toFirst.reason()).isEqualTo("com.example.maintenance");
        assertThat(toFirst.details().message()).isEqualTo("back soon");
        Goodbye toSecond = second.take(Goodbye.class);
        assertThat(toSecond.reason()).isEqualTo("com.example.banned");
        assertThat(toSecond.details().message()).isEqualTo("bye");
    }

    @Test
    void killOfTheCallerItselfOrOfAnUnknownSessionFailsWithNoSuchSession() {
        RecordingPeer admin = fixture.join("admin");

        assertThat(fixture.fails(admin, "wamp.session.kill", admin.sessionId()).error())
                .isEqualTo(ErrorUris.NO_SUCH_SESSION);
        assertThat(fixture.fails(admin, "wamp.session.kill", 424242L).error()).isEqualTo(ErrorUris.NO_SUCH_SESSION);
        admin.assertNothingMore();
        assertThat(fixture.realm.member(admin.sessionId())).isNotNull();
    }

    @Test
    void killWithAReasonThatIsNoUriFailsWithInvalidUriAndKillsNobody() {
        RecordingPeer admin = fixture.join("admin");
        RecordingPeer victim = fixture.join("victim");

        assertThat(fixture.failsWith(admin, "wamp.session.kill",
                kwargs(List.of(victim.sessionId()), Map.of("reason", "not a uri"))).error())
                .isEqualTo(ErrorUris.INVALID_URI);
        assertThat(fixture.fails(admin, "wamp.session.kill_all", "").error()).isEqualTo(ErrorUris.INVALID_URI);

        victim.assertNothingMore();
        assertThat(fixture.call(admin, "wamp.session.count")).containsExactly(2L);
    }

    @Test
    void killByAuthidKillsEverySessionOfThatAuthidExceptTheCallerAndCountsThem() {
        RecordingPeer caller = fixture.join("alice");
        RecordingPeer otherAlice = fixture.join("alice");
        RecordingPeer thirdAlice = fixture.join("alice");
        RecordingPeer bob = fixture.join("bob");

        assertThat(fixture.call(caller, "wamp.session.kill_by_authid", "alice")).containsExactly(2L);

        assertThat(otherAlice.take(Goodbye.class).reason()).isEqualTo(CloseUris.KILLED);
        assertThat(thirdAlice.take(Goodbye.class).reason()).isEqualTo(CloseUris.KILLED);
        bob.assertNothingMore();
        caller.assertNothingMore();
        assertThat(fixture.call(caller, "wamp.session.list"))
                .singleElement().asInstanceOf(LIST)
                .containsExactlyInAnyOrder(caller.sessionId(), bob.sessionId());
        assertThat(fixture.call(caller, "wamp.session.kill_by_authid", "nobody")).containsExactly(0L);
    }

    @Test
    void killByAuthroleKillsEverySessionOfThatRoleExceptTheCallerWithTheGivenReason() {
        RecordingPeer caller = fixture.join("admin", "ops");
        RecordingPeer colleague = fixture.join("colleague", "ops");
        RecordingPeer guest = fixture.join("guest", "guest");

        assertThat(fixture.callWith(caller, "wamp.session.kill_by_authrole",
                kwargs(List.of("ops"), Map.of("reason", "com.example.shift_over")))).containsExactly(1L);

        assertThat(colleague.take(Goodbye.class).reason()).isEqualTo("com.example.shift_over");
        guest.assertNothingMore();
        assertThat(fixture.realm.member(caller.sessionId())).isNotNull();
    }

    @Test
    void killAllKillsEveryOtherSessionAndCountsThem() {
        RecordingPeer caller = fixture.join("admin");
        RecordingPeer first = fixture.join("first");
        RecordingPeer second = fixture.join("second", "guest");

        assertThat(fixture.callWith(caller, "wamp.session.kill_all", kwargs(List.of(), Map.of("message", "reset"))))
                .containsExactly(2L);

        for (RecordingPeer killed : List.of(first, second)) {
            Goodbye goodbye = killed.take(Goodbye.class);
            assertThat(goodbye.reason()).isEqualTo(CloseUris.KILLED);
            assertThat(goodbye.details().message()).isEqualTo("reset");
        }
        assertThat(fixture.call(caller, "wamp.session.list")).containsExactly(List.of(caller.sessionId()));
    }
}
