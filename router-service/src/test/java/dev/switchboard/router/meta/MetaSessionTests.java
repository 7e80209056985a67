package dev.switchboard.router.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import dev.switchboard.router.broker.Broker;
import dev.switchboard.router.dealer.Dealer;
import dev.switchboard.router.dealer.DealerSettings;
import dev.switchboard.router.meta.MetaFixture.MetaEvent;
import dev.switchboard.router.realm.Realm;
import dev.switchboard.router.routing.ExecutorRoutingLoop;
import dev.switchboard.router.routing.RecordingPeer;
import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.Match;
import dev.switchboard.wamp.message.Call;
import dev.switchboard.wamp.message.CallOptions;
import dev.switchboard.wamp.message.Goodbye;
import dev.switchboard.wamp.message.InvocationPolicy;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.Result;
import dev.switchboard.wamp.message.Unregister;
import dev.switchboard.wamp.message.Unregistered;
import dev.switchboard.wamp.message.Unsubscribe;
import dev.switchboard.wamp.message.Unsubscribed;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MetaSessionTests {

    private static final String[] REGISTRATION_EVENTS = {"wamp.registration.on_create",
            "wamp.registration.on_register", "wamp.registration.on_unregister", "wamp.registration.on_delete"};
    private static final String[] SUBSCRIPTION_EVENTS = {"wamp.subscription.on_create",
            "wamp.subscription.on_subscribe", "wamp.subscription.on_unsubscribe", "wamp.subscription.on_delete"};

    private final MetaFixture fixture = new MetaFixture();

    @Test
    void joinIsAnnouncedWithTheSessionDetailsAndLeaveWithItsIdAuthidAndAuthrole() {
        RecordingPeer watcher = fixture.join("watcher");
        fixture.watch(watcher, "wamp.session.on_join", "wamp.session.on_leave");

        RecordingPeer alice = fixture.join("alice", "admin");
        fixture.realm.leave(alice.sessionId());

        MetaEvent join = fixture.event(watcher);
        assertThat(join.topic()).isEqualTo("wamp.session.on_join");
        assertThat(join.args()).containsExactly(MetaDetails.session(MetaFixture.info(alice)));
        assertThat(join.args().getFirst()).asInstanceOf(MAP)
                .containsEntry("session", alice.sessionId())
                .containsEntry("authid", "alice")
                .containsEntry("authrole", "admin");
        assertThat(fixture.event(watcher))
                .isEqualTo(new MetaEvent("wamp.session.on_leave", List.of(alice.sessionId(), "alice", "admin")));
        watcher.assertNothingMore();
    }

    @Test
    void registrationEventsComeInLifecycleOrderWithTheSessionFirst() {
        RecordingPeer watcher = fixture.join("watcher");
        fixture.watch(watcher, REGISTRATION_EVENTS);
        RecordingPeer first = fixture.join("first");
        RecordingPeer second = fixture.join("second");

        long id = fixture.register(first, "com.example.work", Match.EXACT, InvocationPolicy.ROUNDROBIN);
        MetaEvent create = fixture.event(watcher);
        assertThat(create.topic()).isEqualTo("wamp.registration.on_create");
        assertThat(create.args().getFirst()).isEqualTo(first.sessionId());
        assertThat(create.args().get(1)).asInstanceOf(MAP)
                .containsEntry("id", id).containsEntry("uri", "com.example.work")
                .containsEntry("match", "exact").containsEntry("invoke", "roundrobin");
        assertThat(fixture.event(watcher)).isEqualTo(
                new MetaEvent("wamp.registration.on_register", List.of(first.sessionId(), id)));

        fixture.register(second, "com.example.work", Match.EXACT, InvocationPolicy.ROUNDROBIN);
        assertThat(fixture.event(watcher)).isEqualTo(
                new MetaEvent("wamp.registration.on_register", List.of(second.sessionId(), id)));

        fixture.realm.route(first.peer(), new Unregister(900, id), false);
        first.take(Unregistered.class);
        assertThat(fixture.event(watcher)).isEqualTo(
                new MetaEvent("wamp.registration.on_unregister", List.of(first.sessionId(), id)));

        fixture.realm.leave(second.sessionId());
        assertThat(fixture.event(watcher)).isEqualTo(
                new MetaEvent("wamp.registration.on_unregister", List.of(second.sessionId(), id)));
        assertThat(fixture.event(watcher)).isEqualTo(
                new MetaEvent("wamp.registration.on_delete", List.of(second.sessionId(), id)));
        watcher.assertNothingMore();
    }

    @Test
    void subscriptionEventsComeInLifecycleOrderWithTheSessionFirst() {
        RecordingPeer watcher = fixture.join("watcher");
        fixture.watch(watcher, SUBSCRIPTION_EVENTS);
        RecordingPeer first = fixture.join("first");
        RecordingPeer second = fixture.join("second");

        long id = fixture.subscribe(first, "com.example", Match.PREFIX);
        MetaEvent create = fixture.event(watcher);
        assertThat(create.topic()).isEqualTo("wamp.subscription.on_create");
        assertThat(create.args().getFirst()).isEqualTo(first.sessionId());
        assertThat(create.args().get(1)).asInstanceOf(MAP)
                .containsEntry("id", id).containsEntry("uri", "com.example").containsEntry("match", "prefix");
        assertThat(fixture.event(watcher)).isEqualTo(
                new MetaEvent("wamp.subscription.on_subscribe", List.of(first.sessionId(), id)));

        fixture.subscribe(second, "com.example", Match.PREFIX);
        assertThat(fixture.event(watcher)).isEqualTo(
                new MetaEvent("wamp.subscription.on_subscribe", List.of(second.sessionId(), id)));

        fixture.realm.leave(first.sessionId());
        assertThat(fixture.event(watcher)).isEqualTo(
                new MetaEvent("wamp.subscription.on_unsubscribe", List.of(first.sessionId(), id)));

        fixture.realm.route(second.peer(), new Unsubscribe(900, id), false);
        second.take(Unsubscribed.class);
        assertThat(fixture.event(watcher)).isEqualTo(
                new MetaEvent("wamp.subscription.on_unsubscribe", List.of(second.sessionId(), id)));
        assertThat(fixture.event(watcher)).isEqualTo(
                new MetaEvent("wamp.subscription.on_delete", List.of(second.sessionId(), id)));
        watcher.assertNothingMore();
    }

    @Test
    void theMetaSessionItsProceduresAndSubscriptionsToMetaEventsAreNeverAnnounced() {
        MetaFixture unstarted = new MetaFixture(MetaAccess.ANYONE, false);
        RecordingPeer watcher = unstarted.join("watcher");
        unstarted.watch(watcher, REGISTRATION_EVENTS);
        unstarted.watch(watcher, SUBSCRIPTION_EVENTS);
        unstarted.watch(watcher, "wamp.session.on_join");

        unstarted.meta.start(unstarted.realm);

        assertThat(unstarted.realm.dealer().all()).hasSize(21);
        assertThat(unstarted.call(watcher, "wamp.session.count")).containsExactly(1L);
        watcher.assertNothingMore();
    }

    @Test
    void everyProcedureIsRegisteredWithDiscloseCallerSoItKnowsWhoCalls() {
        RecordingPeer alice = fixture.join("alice");
        RecordingPeer bob = fixture.join("bob");

        assertThat(fixture.fails(alice, "wamp.session.kill", alice.sessionId()).error())
                .isEqualTo(ErrorUris.NO_SUCH_SESSION);
        assertThat(fixture.call(bob, "wamp.session.kill", alice.sessionId())).isEmpty();
        assertThat(alice.take(Goodbye.class)).isNotNull();
    }

    @Test
    void anAccessRuleCanRefuseAMetaProcedureWithNotAuthorized() {
        MetaFixture guarded = new MetaFixture((procedure, caller) ->
                !procedure.startsWith("wamp.session.kill") || caller != null && caller.info().authrole().equals("ops"));
        RecordingPeer user = guarded.join("user", "user");
        RecordingPeer ops = guarded.join("ops", "ops");

        assertThat(guarded.fails(user, "wamp.session.kill", ops.sessionId()).error())
                .isEqualTo(ErrorUris.NOT_AUTHORIZED);
        assertThat(guarded.fails(user, "wamp.session.kill_all").error()).isEqualTo(ErrorUris.NOT_AUTHORIZED);
        assertThat(guarded.call(user, "wamp.session.count")).containsExactly(2L);
        ops.assertNothingMore();

        assertThat(guarded.call(ops, "wamp.session.kill", user.sessionId())).isEmpty();
        assertThat(user.take(Goodbye.class)).isNotNull();
    }

    @Test
    void aTransparentPayloadIsRefusedAsAnInvalidArgument() {
        RecordingPeer alice = fixture.join("alice");

        assertThat(fixture.failsWith(alice, "wamp.session.get", Payload.transparent(new byte[] {1, 2})).error())
                .isEqualTo(ErrorUris.INVALID_ARGUMENT);
    }

    @Test
    void answersCallsOnAnExecutorLoopInATaskAfterTheCall() throws InterruptedException {
        try (ExecutorRoutingLoop loop = new ExecutorRoutingLoop("meta-test")) {
            MetaSession meta = new MetaSession(MetaAccess.ANYONE);
            Realm realm = new Realm("realm1", loop, new Broker(meta, Clock.systemUTC()),
                    new Dealer(loop, DealerSettings.DEFAULTS, meta, Clock.systemUTC()), meta);
            meta.start(realm);
            RecordingPeer alice = RecordingPeer.client("alice");
            RecordingPeer bob = RecordingPeer.client("bob");
            realm.join(alice.peer(), MetaFixture.info(alice));
            realm.join(bob.peer(), MetaFixture.info(bob));

            realm.route(alice.peer(), new Call(1, CallOptions.DEFAULT, "wamp.session.count", Payload.EMPTY), false);
            realm.route(alice.peer(), new Call(2, CallOptions.DEFAULT, "wamp.session.kill",
                    Payload.of(bob.sessionId())), false);
            awaitIdle(loop);

            assertThat(alice.take(Result.class).payload()).isEqualTo(Payload.of(2L));
            assertThat(alice.take(Result.class).payload()).isEqualTo(Payload.EMPTY);
            assertThat(bob.take(Goodbye.class)).isNotNull();
        }
    }

    /** Waits until the loop ran everything queued so far and what those tasks queued in turn (twice over). */
    private static void awaitIdle(ExecutorRoutingLoop loop) throws InterruptedException {
        for (int round = 0; round < 3; round++) {
            CountDownLatch done = new CountDownLatch(1);
            loop.execute(() -> loop.execute(done::countDown));
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }
}
