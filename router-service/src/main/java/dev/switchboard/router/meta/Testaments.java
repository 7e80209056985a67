package dev.switchboard.router.meta;

import dev.switchboard.router.broker.Broker;
import dev.switchboard.router.realm.Realm;
import dev.switchboard.router.routing.Peer;
import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.IdGenerator;
import dev.switchboard.wamp.ProtocolViolationException;
import dev.switchboard.wamp.WampUri;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.Publish;
import dev.switchboard.wamp.message.PublishOptions;
import dev.switchboard.wamp.message.Values;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Testaments (advanced profile, "Testament"): events a session leaves with the router, published through the broker
 * as if that session had published them when it leaves the realm. This router has no session resumption, so a
 * session is detached and destroyed at once: its {@code detached} testaments go first, then its {@code destroyed}
 * ones, each bucket in the order they were added. Runs on the routing loop.
 */
final class Testaments {

    static final String ADD = "wamp.session.add_testament";
    static final String FLUSH = "wamp.session.flush_testaments";

    private enum Scope {
        DETACHED, DESTROYED;

        static Scope of(MetaProcedure.Call call, int position) {
            String scope = call.arguments().optionalString(position, "scope");
            if (scope == null || scope.equals("destroyed")) {
                return DESTROYED;
            }
            if (scope.equals("detached")) {
                return DETACHED;
            }
            throw new MetaError(ErrorUris.INVALID_ARGUMENT,
                    "scope must be destroyed or detached, got " + Values.describe(scope));
        }
    }

    /** A PUBLISH to replay for {@code publisher} when it leaves. */
    private record Testament(Peer publisher, Publish publish) {
    }

    private final Map<Long, Map<Scope, List<Testament>>> bySession = new HashMap<>();
    private final IdGenerator requestIds = IdGenerator.sequential();

    List<MetaProcedure> procedures() {
        return List.of(new MetaProcedure(ADD, this::add), new MetaProcedure(FLUSH, this::flush));
    }

    /**
     * {@code wamp.session.add_testament(topic, args?, kwargs?, publish_options?, scope?)}: no result. The options are
     * those of PUBLISH; {@code acknowledge} is ignored (nobody is left to hear it).
     */
    private Payload add(MetaProcedure.Call call) {
        Realm.Member caller = caller(call);
        Arguments arguments = call.arguments();
        String topic = arguments.string(0, "topic");
        if (!WampUri.isValid(topic) || WampUri.isReserved(topic)) {
            throw new MetaError(ErrorUris.INVALID_URI, "a testament's topic must be a valid URI outside wamp., got "
                    + Values.describe(topic));
        }
        Payload payload = Payload.of(arguments.list(1, "args"), arguments.dict(2, "kwargs"));
        PublishOptions options = publishOptions(arguments.dict(3, "publish_options"));
        Scope scope = Scope.of(call, 4);
        Publish publish = new Publish(requestIds.next(), options, topic, payload);
        bySession.computeIfAbsent(caller.peer().sessionId(), id -> new EnumMap<>(Scope.class))
                .computeIfAbsent(scope, s -> new ArrayList<>())
                .add(new Testament(caller.peer(), publish));
        return Payload.EMPTY;
    }

    /** {@code wamp.session.flush_testaments(scope?)} → how many testaments of that scope were removed. */
    private Payload flush(MetaProcedure.Call call) {
        Realm.Member caller = caller(call);
        Scope scope = Scope.of(call, 0);
        Map<Scope, List<Testament>> buckets = bySession.get(caller.peer().sessionId());
        List<Testament> flushed = buckets == null ? null : buckets.remove(scope);
        return MetaProcedure.result(flushed == null ? 0L : (long) flushed.size());
    }

    /** The session left the realm: its testaments are published, detached ones first, and forgotten. */
    void publish(long sessionId, Broker broker) {
        Map<Scope, List<Testament>> buckets = bySession.remove(sessionId);
        if (buckets == null) {
            return;
        }
        for (Scope scope : Scope.values()) {
            for (Testament testament : buckets.getOrDefault(scope, List.of())) {
                broker.publish(testament.publisher(), testament.publish(), testament.publish().options().discloseMe());
            }
        }
    }

    private static Realm.Member caller(MetaProcedure.Call call) {
        if (call.caller() == null) {
            throw new MetaError(ErrorUris.NO_SUCH_SESSION, "the calling session is no longer in the realm");
        }
        return call.caller();
    }

    private static PublishOptions publishOptions(Map<String, Object> wire) {
        PublishOptions options;
        try {
            options = PublishOptions.fromWire(wire);
        } catch (ProtocolViolationException | IllegalArgumentException e) {
            throw new MetaError(ErrorUris.INVALID_ARGUMENT, "publish_options: " + e.getMessage());
        }
        return new PublishOptions(false, options.excludeMe(), options.exclude(), options.excludeAuthid(),
                options.excludeAuthrole(), options.eligible(), options.eligibleAuthid(), options.eligibleAuthrole(),
                options.discloseMe(), options.retain(), options.other());
    }
}
