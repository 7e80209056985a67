package dev.switchboard.router.meta;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.router.broker.Broker;
import dev.switchboard.router.dealer.Dealer;
import dev.switchboard.router.dealer.DealerSettings;
import dev.switchboard.router.realm.Realm;
import dev.switchboard.router.realm.SessionInfo;
import dev.switchboard.router.routing.ManualLoop;
import dev.switchboard.router.routing.RecordingPeer;
import dev.switchboard.wamp.Match;
import dev.switchboard.wamp.message.Call;
import dev.switchboard.wamp.message.CallOptions;
import dev.switchboard.wamp.message.Error;
import dev.switchboard.wamp.message.Event;
import dev.switchboard.wamp.message.InvocationPolicy;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.Register;
import dev.switchboard.wamp.message.RegisterOptions;
import dev.switchboard.wamp.message.Registered;
import dev.switchboard.wamp.message.Result;
import dev.switchboard.wamp.message.Subscribe;
import dev.switchboard.wamp.message.SubscribeOptions;
import dev.switchboard.wamp.message.Subscribed;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A realm with its meta session on a synchronous loop, and clients that join it and call, subscribe and register
 * through {@link Realm#route} as real sessions do. A killed client leaves the realm, as a real session does.
 */
final class MetaFixture {

    static final Instant JOINED = Instant.parse("2026-01-02T03:04:05Z");
    static final Map<String, Object> TRANSPORT = Map.of("type", "websocket", "serializer", "wamp.2.json");

    final ManualLoop loop = new ManualLoop();
    final MetaSession meta;
    final Realm realm;
    private final Map<Long, String> topics = new HashMap<>();
    private long requests = 500;

    MetaFixture() {
        this(MetaAccess.ANYONE);
    }

    MetaFixture(MetaAccess access) {
        this(access, true);
    }

    /** @param started whether the meta session is started (else the test starts it) */
    MetaFixture(MetaAccess access, boolean started) {
        meta = new MetaSession(access);
        realm = new Realm("realm1", loop, new Broker(meta, Clock.systemUTC()),
                new Dealer(loop, DealerSettings.DEFAULTS, meta, Clock.systemUTC()), meta);
        if (started) {
            meta.start(realm);
        }
    }

    RecordingPeer join(String authid, String authrole) {
        RecordingPeer client = RecordingPeer.withRole(authid, authrole);
        client.afterClose(() -> realm.leave(client.sessionId()));
        realm.join(client.peer(), info(client));
        return client;
    }

    RecordingPeer join(String authid) {
        return join(authid, "user");
    }

    static SessionInfo info(RecordingPeer client) {
        return new SessionInfo(client.sessionId(), "realm1", client.peer().authid(), client.peer().authrole(),
                "anonymous", "static", Map.of("x", "y"), TRANSPORT, JOINED);
    }

    /** Calls {@code procedure} and returns the arguments of its RESULT. */
    List<Object> call(RecordingPeer caller, String procedure, Object... args) {
        return callWith(caller, procedure, Payload.of(args));
    }

    List<Object> callWith(RecordingPeer caller, String procedure, Payload payload) {
        long request = send(caller, procedure, payload);
        Result result = caller.take(Result.class);
        assertThat(result.requestId()).isEqualTo(request);
        return ((Payload.Arguments) result.payload()).args();
    }

    /** Calls {@code procedure} and returns the ERROR it answers with. */
    Error fails(RecordingPeer caller, String procedure, Object... args) {
        return failsWith(caller, procedure, Payload.of(args));
    }

    Error failsWith(RecordingPeer caller, String procedure, Payload payload) {
        long request = send(caller, procedure, payload);
        Error error = caller.take(Error.class);
        assertThat(error.requestId()).isEqualTo(request);
        assertThat(error.requestType()).isEqualTo(Call.TYPE);
        return error;
    }

    private long send(RecordingPeer caller, String procedure, Payload payload) {
        long request = ++requests;
        realm.route(caller.peer(), new Call(request, CallOptions.DEFAULT, procedure, payload), false);
        return request;
    }

    static Payload kwargs(List<?> args, Map<String, ?> kwargs) {
        return Payload.of(args, kwargs);
    }

    static List<Object> listOf(Object... values) {
        return Arrays.asList(values);
    }

    long subscribe(RecordingPeer subscriber, String topic, Match match) {
        realm.route(subscriber.peer(), new Subscribe(++requests, new SubscribeOptions(match, false, Map.of()),
                topic), false);
        long id = subscriber.take(Subscribed.class).subscriptionId();
        topics.put(id, topic);
        return id;
    }

    long subscribe(RecordingPeer subscriber, String topic) {
        return subscribe(subscriber, topic, Match.EXACT);
    }

    /** Subscribes {@code watcher} to each of {@code topics}. */
    void watch(RecordingPeer watcher, String... topics) {
        for (String topic : topics) {
            subscribe(watcher, topic);
        }
    }

    long register(RecordingPeer callee, String procedure, Match match, InvocationPolicy policy) {
        realm.route(callee.peer(), new Register(++requests,
                new RegisterOptions(match, policy, null, false, false, Map.of()), procedure), false);
        return callee.take(Registered.class).registrationId();
    }

    long register(RecordingPeer callee, String procedure) {
        return register(callee, procedure, Match.EXACT, InvocationPolicy.SINGLE);
    }

    /** A meta event as a watcher received it: the topic it subscribed to and the event's arguments. */
    record MetaEvent(String topic, List<Object> args) {
    }

    MetaEvent event(RecordingPeer watcher) {
        Event event = watcher.take(Event.class);
        return new MetaEvent(topics.get(event.subscriptionId()), ((Payload.Arguments) event.payload()).args());
    }
}
