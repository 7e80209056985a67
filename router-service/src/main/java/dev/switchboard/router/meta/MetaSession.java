package dev.switchboard.router.meta;

import dev.switchboard.router.broker.Subscription;
import dev.switchboard.router.broker.SubscriptionListener;
import dev.switchboard.router.dealer.Registration;
import dev.switchboard.router.dealer.RegistrationListener;
import dev.switchboard.router.realm.Realm;
import dev.switchboard.router.realm.SessionInfo;
import dev.switchboard.router.realm.SessionListener;
import dev.switchboard.router.routing.Peer;
import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.IdGenerator;
import dev.switchboard.wamp.Match;
import dev.switchboard.wamp.matching.UriPattern;
import dev.switchboard.wamp.message.Error;
import dev.switchboard.wamp.message.Invocation;
import dev.switchboard.wamp.message.InvocationPolicy;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.Publish;
import dev.switchboard.wamp.message.PublishOptions;
import dev.switchboard.wamp.message.Register;
import dev.switchboard.wamp.message.RegisterOptions;
import dev.switchboard.wamp.message.Registered;
import dev.switchboard.wamp.message.Roles;
import dev.switchboard.wamp.message.WampMessage;
import dev.switchboard.wamp.message.Yield;
import dev.switchboard.wamp.message.YieldOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The meta API of one realm: an internal session ({@code router}/{@code trusted}) that registers the {@code wamp.*}
 * procedures with the realm's dealer (with {@code disclose_caller}, to know who calls) and answers their INVOCATIONs
 * with YIELD or ERROR, and that hears the realm's sessions, subscriptions and registrations come and go and publishes
 * the meta events through the realm's broker, like any other publication. It runs on the realm's routing loop.
 *
 * <p>It is not a member of the realm: it is not counted, listed, announced or killable. Nothing under {@code wamp.}
 * is described ({@link MetaDetails#isVisible}): its own registrations and the subscriptions to meta events are
 * neither listed nor announced, as in Crossbar.io.
 *
 * <p>Build the broker, dealer and realm with this object as their listener, then {@link #start} it.
 */
public final class MetaSession implements SessionListener, SubscriptionListener, RegistrationListener {

    public static final String AUTHID = "router";
    public static final String AUTHROLE = "trusted";

    static final String ON_JOIN = "wamp.session.on_join";
    static final String ON_LEAVE = "wamp.session.on_leave";
    static final String REGISTRATION_ON_CREATE = "wamp.registration.on_create";
    static final String REGISTRATION_ON_REGISTER = "wamp.registration.on_register";
    static final String REGISTRATION_ON_UNREGISTER = "wamp.registration.on_unregister";
    static final String REGISTRATION_ON_DELETE = "wamp.registration.on_delete";
    static final String SUBSCRIPTION_ON_CREATE = "wamp.subscription.on_create";
    static final String SUBSCRIPTION_ON_SUBSCRIBE = "wamp.subscription.on_subscribe";
    static final String SUBSCRIPTION_ON_UNSUBSCRIBE = "wamp.subscription.on_unsubscribe";
    static final String SUBSCRIPTION_ON_DELETE = "wamp.subscription.on_delete";

    /** Not a standard URI: Autobahn's for a procedure that failed unexpectedly. */
    static final String RUNTIME_ERROR = ErrorUris.RUNTIME_ERROR;

    private static final Logger log = LoggerFactory.getLogger(MetaSession.class);
    private static final Roles ROLES = Roles.of(Map.of(Roles.CALLEE, Set.of(), Roles.PUBLISHER, Set.of()));
    private static final RegisterOptions DISCLOSE_CALLER =
            new RegisterOptions(Match.EXACT, InvocationPolicy.SINGLE, null, false, true, Map.of());

    private final Peer peer;
    private final MetaAccess access;
    private final Testaments testaments = new Testaments();
    private final IdGenerator requestIds = IdGenerator.sequential();
    /** REGISTER.Request → the procedure being registered. */
    private final Map<Long, MetaProcedure> registering = new HashMap<>();
    /** Registration id → its procedure. */
    private final Map<Long, MetaProcedure> procedures = new HashMap<>();
    private volatile @Nullable Realm realm;

    /** @param access who may call which meta procedure */
    public MetaSession(MetaAccess access) {
        this.access = access;
        this.peer = new Peer(IdGenerator.random().next(), AUTHID, AUTHROLE, ROLES, this::receive);
    }

    /** The internal session's id (it is no member of the realm). */
    public long sessionId() {
        return peer.sessionId();
    }

    /** Serves {@code realm}, whose broker, dealer and realm hear through this object: registers the procedures. */
    public void start(Realm realm) {
        if (this.realm != null) {
            throw new IllegalStateException("the meta session already serves realm " + this.realm.name());
        }
        this.realm = realm;
        List<MetaProcedure> all = new ArrayList<>();
        all.addAll(new SessionProcedures(realm).procedures());
        all.addAll(testaments.procedures());
        all.addAll(new RegistrationProcedures(realm.dealer()).procedures());
        all.addAll(new SubscriptionProcedures(realm.broker()).procedures());
        realm.loop().execute(() -> all.forEach(procedure -> register(realm, procedure)));
    }

    private void register(Realm realm, MetaProcedure procedure) {
        long requestId = requestIds.next();
        registering.put(requestId, procedure);
        realm.dealer().register(peer, new Register(requestId, DISCLOSE_CALLER, procedure.uri()));
    }

    /** What the dealer sends the internal session, on the loop. */
    private boolean receive(WampMessage message) {
        switch (message) {
            case Registered registered -> {
                MetaProcedure procedure = registering.remove(registered.requestId());
                if (procedure != null) {
                    procedures.put(registered.registrationId(), procedure);
                }
            }
            case Error error when error.requestType() == Register.TYPE -> {
                MetaProcedure procedure = registering.remove(error.requestId());
                log.warn("Meta procedure {} could not be registered: {}",
                        procedure == null ? "?" : procedure.uri(), error.error());
            }
            // answered in a task of its own, after the dealer's CALL handling has finished
            case Invocation invocation -> realm.loop().execute(() -> answer(invocation));
            default -> { }
        }
        return true;
    }

    private void answer(Invocation invocation) {
        Realm realm = this.realm;
        MetaProcedure procedure = procedures.get(invocation.registrationId());
        try {
            if (procedure == null) {
                throw new MetaError(ErrorUris.NO_SUCH_PROCEDURE, "no meta procedure " + invocation.registrationId());
            }
            Long callerId = invocation.details().caller();
            Realm.Member caller = callerId == null ? null : realm.member(callerId);
            if (!access.permits(procedure.uri(), caller)) {
                throw new MetaError(ErrorUris.NOT_AUTHORIZED, "not authorized to call " + procedure.uri());
            }
            Payload result = procedure.handler().answer(new MetaProcedure.Call(callerId == null ? 0 : callerId,
                    caller, Arguments.of(invocation.payload())));
            realm.dealer().yield(peer, new Yield(invocation.requestId(), YieldOptions.DEFAULT, result));
        } catch (MetaError e) {
            fail(realm, invocation, e.uri(), e.getMessage());
        } catch (RuntimeException e) {
            log.error("Meta procedure {} failed", procedure == null ? "?" : procedure.uri(), e);
            fail(realm, invocation, RUNTIME_ERROR, String.valueOf(e.getMessage()));
        }
    }

    private void fail(Realm realm, Invocation invocation, String error, String message) {
        realm.dealer().error(peer, new Error(Invocation.TYPE, invocation.requestId(), Map.of(), error,
                Payload.of(message)));
    }

    private void publish(String topic, Object... arguments) {
        Realm realm = this.realm;
        if (realm != null) {
            realm.broker().publish(peer, new Publish(requestIds.next(), PublishOptions.DEFAULT, topic,
                    Payload.of(arguments)), false);
        }
    }

    private boolean announces(long sessionId, UriPattern pattern) {
        return sessionId != peer.sessionId() && MetaDetails.isVisible(pattern);
    }

    // --- meta events: wamp.session.* ---

    /** {@code wamp.session.on_join(details)}. */
    @Override
    public void onJoin(SessionInfo session) {
        publish(ON_JOIN, MetaDetails.session(session));
    }

    /** The session's testaments, then {@code wamp.session.on_leave(session, authid, authrole)}. */
    @Override
    public void onLeave(SessionInfo session) {
        Realm realm = this.realm;
        if (realm != null) {
            testaments.publish(session.sessionId(), realm.broker());
        }
        publish(ON_LEAVE, session.sessionId(), session.authid(), session.authrole());
    }

    // --- meta events: wamp.registration.*, (session, details) for on_create, else (session, registration id) ---

    @Override
    public void onCreate(long sessionId, Registration registration) {
        if (announces(sessionId, registration.pattern())) {
            publish(REGISTRATION_ON_CREATE, sessionId, MetaDetails.registration(registration));
        }
    }

    @Override
    public void onRegister(long sessionId, Registration registration) {
        if (announces(sessionId, registration.pattern())) {
            publish(REGISTRATION_ON_REGISTER, sessionId, registration.id());
        }
    }

    @Override
    public void onUnregister(long sessionId, Registration registration) {
        if (announces(sessionId, registration.pattern())) {
            publish(REGISTRATION_ON_UNREGISTER, sessionId, registration.id());
        }
    }

    @Override
    public void onDelete(long sessionId, Registration registration) {
        if (announces(sessionId, registration.pattern())) {
            publish(REGISTRATION_ON_DELETE, sessionId, registration.id());
        }
    }

    // --- meta events: wamp.subscription.*, (session, details) for on_create, else (session, subscription id) ---

    @Override
    public void onCreate(long sessionId, Subscription subscription) {
        if (announces(sessionId, subscription.pattern())) {
            publish(SUBSCRIPTION_ON_CREATE, sessionId, MetaDetails.subscription(subscription));
        }
    }

    @Override
    public void onSubscribe(long sessionId, Subscription subscription) {
        if (announces(sessionId, subscription.pattern())) {
            publish(SUBSCRIPTION_ON_SUBSCRIBE, sessionId, subscription.id());
        }
    }

    @Override
    public void onUnsubscribe(long sessionId, Subscription subscription) {
        if (announces(sessionId, subscription.pattern())) {
            publish(SUBSCRIPTION_ON_UNSUBSCRIBE, sessionId, subscription.id());
        }
    }

    @Override
    public void onDelete(long sessionId, Subscription subscription) {
        if (announces(sessionId, subscription.pattern())) {
            publish(SUBSCRIPTION_ON_DELETE, sessionId, subscription.id());
        }
    }
}
