package dev.switchboard.router.session;

import dev.switchboard.router.auth.Action;
import dev.switchboard.router.auth.AuthOutcome;
import dev.switchboard.router.auth.Authorizer;
import dev.switchboard.router.auth.Authenticator;
import dev.switchboard.router.auth.DynamicAuthorizer;
import dev.switchboard.router.realm.Realm;
import dev.switchboard.router.realm.SessionInfo;
import dev.switchboard.router.routing.Peer;
import dev.switchboard.wamp.CloseUris;
import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.ProtocolViolationException;
import dev.switchboard.wamp.WampUri;
import dev.switchboard.wamp.codec.MessageNames;
import dev.switchboard.wamp.message.Abort;
import dev.switchboard.wamp.message.Authenticate;
import dev.switchboard.wamp.message.Call;
import dev.switchboard.wamp.message.Cancel;
import dev.switchboard.wamp.message.Challenge;
import dev.switchboard.wamp.message.CloseDetails;
import dev.switchboard.wamp.message.Error;
import dev.switchboard.wamp.message.EventReceived;
import dev.switchboard.wamp.message.Goodbye;
import dev.switchboard.wamp.message.Hello;
import dev.switchboard.wamp.message.HelloDetails;
import dev.switchboard.wamp.message.Invocation;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.Publish;
import dev.switchboard.wamp.message.Register;
import dev.switchboard.wamp.message.Subscribe;
import dev.switchboard.wamp.message.Unregister;
import dev.switchboard.wamp.message.Unsubscribe;
import dev.switchboard.wamp.message.WampMessage;
import dev.switchboard.wamp.message.Welcome;
import dev.switchboard.wamp.message.WelcomeDetails;
import dev.switchboard.wamp.message.Yield;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One WAMP session over one connection: the opening handshake (HELLO → [CHALLENGE ↔ AUTHENTICATE] → WELCOME or
 * ABORT), then the established session's requests handed to its realm, then the closing handshake (GOODBYE). Any
 * protocol violation ends this session with ABORT {@code wamp.error.protocol_violation}; no other session notices.
 */
final class WampSession implements ConnectionHandler {

    /** DECIDING: an authenticator decides elsewhere (a dynamic one); the client must wait. */
    private enum State { HELLO_EXPECTED, AUTHENTICATING, DECIDING, ESTABLISHED, CLOSED }

    private final Connection connection;
    private final Admission admission;
    private final Sessions sessions;
    private final Traffic traffic;
    private volatile State state = State.HELLO_EXPECTED;
    private @Nullable Realm realm;
    private @Nullable Peer peer;
    private @Nullable HelloDetails hello;
    private AuthOutcome.@Nullable Verifier verifier;
    private Authorizer authorizer = Authorizer.PERMIT_ALL;
    /** Set for a role that a dynamic authorizer decides for. */
    private @Nullable AuthorizationGate gate;
    private final @Nullable MessageRate rate;

    WampSession(Connection connection, Admission admission, Sessions sessions, Traffic traffic) {
        this.connection = connection;
        this.admission = admission;
        this.sessions = sessions;
        this.traffic = traffic;
        this.rate = sessions.limits().newRate();
    }

    @Override
    public void onMessage(WampMessage message) {
        traffic.received(message.type());
        if (rate != null && state != State.CLOSED && !rate.tryAcquire()) {
            rateLimited();
            return;
        }
        switch (state) {
            case HELLO_EXPECTED -> {
                if (message instanceof Hello hello) {
                    hello(hello);
                } else {
                    violation("expected HELLO, got " + MessageNames.of(message.type()));
                }
            }
            case AUTHENTICATING -> {
                switch (message) {
                    case Authenticate answer -> authenticate(answer);
                    case Abort abort -> close();
                    default -> violation("expected AUTHENTICATE, got " + MessageNames.of(message.type()));
                }
            }
            case DECIDING -> whileDeciding(message);
            case ESTABLISHED -> established(message);
            case CLOSED -> { }
        }
    }

    /**
     * A message while a dynamic authenticator decides. The decision may have come in the meantime (it completes on
     * another thread, under this lock): then the message is one of the new session's.
     */
    private synchronized void whileDeciding(WampMessage message) {
        switch (state) {
            case DECIDING -> {
                if (message instanceof Abort) {
                    close();
                } else {
                    violation("expected nothing before WELCOME or ABORT, got " + MessageNames.of(message.type()));
                }
            }
            case ESTABLISHED -> established(message);
            default -> { }
        }
    }

    /** The decision of a dynamic authenticator, on whatever thread it completed. */
    private synchronized void decided(AuthOutcome outcome) {
        if (state == State.DECIDING) {
            outcome(outcome);
        }
    }

    private void hello(Hello message) {
        Realm target = admission.realm(message.realm());
        if (target == null) {
            abort(ErrorUris.NO_SUCH_REALM, "no realm " + message.realm() + " on this router");
            return;
        }
        Authenticator chosen = admission.authenticatorFor(target.name(), message.details().authmethods());
        if (chosen == null) {
            abort(ErrorUris.NO_MATCHING_AUTH_METHOD, "realm " + target.name() + " accepts none of the offered "
                    + "authentication methods");
            return;
        }
        realm = target;
        hello = message.details();
        authorizer = admission.authorizer(target.name());
        outcome(chosen.hello(target.name(), message.details()));
    }

    /** The answer to the one challenge issued; a challenge is never answered twice. */
    private void authenticate(Authenticate answer) {
        AuthOutcome.Verifier pending = verifier;
        verifier = null;
        outcome(pending.verify(answer));
    }

    private void outcome(AuthOutcome outcome) {
        switch (outcome) {
            case AuthOutcome.Accept accept when hello.authrole() != null
                    && !hello.authrole().equals(accept.authrole()) ->
                    // asked for a role the principal does not have: refused like any other failure
                    refuse(new AuthOutcome.Deny(ErrorUris.AUTHENTICATION_FAILED, "authentication failed"));
            case AuthOutcome.Accept accept -> welcome(accept);
            case AuthOutcome.Challenge challenge -> {
                state = State.AUTHENTICATING;
                verifier = challenge.verifier();
                connection.send(new Challenge(challenge.authmethod(), challenge.extra()));
            }
            case AuthOutcome.Pending pending -> {
                state = State.DECIDING;
                pending.outcome().whenComplete((decided, failure) -> decided(failure == null ? decided
                        : new AuthOutcome.Deny(ErrorUris.AUTHENTICATION_FAILED, "authentication failed")));
            }
            case AuthOutcome.Deny deny -> refuse(deny);
        }
    }

    /** A failed authentication: ABORT, delayed when the same address keeps failing. */
    private void refuse(AuthOutcome.Deny deny) {
        Duration delay = sessions.authenticationFailed(connection.info());
        if (delay.isZero()) {
            abort(deny.reason(), deny.message());
            return;
        }
        state = State.CLOSED; // nothing the client sends meanwhile is heard
        sessions.later(delay, () -> {
            connection.send(new Abort(CloseDetails.message(deny.message()), deny.reason()));
            connection.close();
        });
    }

    private void welcome(AuthOutcome.Accept accept) {
        long sessionId = sessions.register(this);
        peer = new Peer(sessionId, accept.authid(), accept.authrole(), hello.roles(), connection::send, this::kill);
        DynamicAuthorizer dynamic = authorizer.dynamic(accept.authrole());
        if (dynamic != null) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("session", sessionId);
            details.put("authid", accept.authid());
            details.put("authrole", accept.authrole());
            details.put("authmethod", accept.authmethod());
            details.put("authprovider", accept.authprovider());
            details.put("authextra", accept.authextra());
            gate = new AuthorizationGate(dynamic, details);
        }
        connection.send(new Welcome(sessionId, new WelcomeDetails(RouterRoles.ANNOUNCED, accept.authid(),
                accept.authrole(), accept.authmethod(), accept.authprovider(), accept.authextra(),
                Sessions.AGENT, Map.of())));
        state = State.ESTABLISHED;
        realm.join(peer, new SessionInfo(sessionId, realm.name(), accept.authid(), accept.authrole(),
                accept.authmethod(), accept.authprovider(), accept.authextra(), transportDetails(), Instant.now()));
    }

    private Map<String, Object> transportDetails() {
        TransportInfo info = connection.info();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("type", info.type());
        details.put("serializer", info.serialization().subprotocol());
        details.put("peer", info.peer());
        details.put("secure", info.secure());
        return details;
    }

    private void established(WampMessage message) {
        switch (message) {
            case Publish m when WampUri.isReserved(m.topic()) ->
                    refuse(Publish.TYPE, m.requestId(), ErrorUris.INVALID_URI,
                            "topics under wamp. are reserved to the router");
            case Register m when WampUri.isReserved(m.procedure()) ->
                    refuse(Register.TYPE, m.requestId(), ErrorUris.INVALID_URI,
                            "procedures under wamp. are reserved to the router");
            case Register m when admission.calledByRouter(realm.name(), m.procedure())
                    && !authorizer.trusted(peer.authrole()) ->
                    refuse(Register.TYPE, m.requestId(), ErrorUris.NOT_AUTHORIZED,
                            "only a trusted role may register " + m.procedure() + ", which the router calls");
            case Publish m -> authorized(m, Action.PUBLISH, m.requestId(), m.topic(), m.options().discloseMe());
            case Call m -> authorized(m, Action.CALL, m.requestId(), m.procedure(), m.options().discloseMe());
            case Subscribe m -> authorized(m, Action.SUBSCRIBE, m.requestId(), m.topic(), false);
            case Register m -> authorized(m, Action.REGISTER, m.requestId(), m.procedure(), false);
            case Unsubscribe m -> route(m);
            case Unregister m -> route(m);
            case Cancel m -> route(m);
            case Yield m -> route(m);
            case Error m when m.requestType() == Invocation.TYPE -> route(m);
            case Goodbye goodbye -> {
                // the requests before it may still wait on the realm's loop: answered there after them, so that their
                // answers (PUBLISHED, REGISTERED, ...) go out first instead of being dropped by a closing connection
                Realm current = realm;
                leaveRealm();
                current.loop().execute(() -> {
                    connection.send(new Goodbye(CloseDetails.DEFAULT, CloseUris.GOODBYE_AND_OUT));
                    connection.close();
                });
            }
            case Abort abort -> close();
            case EventReceived ignored -> { } // acknowledged delivery is not announced; acknowledgements are moot
            default -> violation(MessageNames.of(message.type()) + " is not a message a client sends in a session");
        }
    }

    /**
     * Hands a request to the realm if the session's role may make it; for patterns (SUBSCRIBE, REGISTER) the
     * pattern's URI is what is authorized.
     *
     * @param discloseMe whether the client asked to be disclosed; the role's rule may disclose it anyway
     */
    private void authorized(WampMessage request, Action action, long requestId, String uri, boolean discloseMe) {
        AuthorizationGate dynamic = gate;
        if (dynamic != null) {
            Map<String, Object> options = switch (request) {
                case Subscribe m -> Map.of("match", m.options().match().wireName());
                case Register m -> Map.of("match", m.options().match().wireName());
                default -> Map.of();
            };
            dynamic.authorize(action, uri, options, decision -> authorizedOrRefused(request, action, requestId, uri,
                    discloseMe, decision));
            return;
        }
        authorizedOrRefused(request, action, requestId, uri, discloseMe,
                authorizer.authorize(peer.authrole(), action, uri));
    }

    /** A request that needs no authorization: to the realm, behind any request that waits for its decision. */
    private void route(WampMessage request) {
        AuthorizationGate dynamic = gate;
        if (dynamic != null) {
            dynamic.then(() -> realm.route(peer, request, false));
        } else {
            realm.route(peer, request, false);
        }
    }

    private void authorizedOrRefused(WampMessage request, Action action, long requestId, String uri,
                                     boolean discloseMe, Authorizer.Decision decision) {
        if (decision.failed()) {
            refuse(request.type(), requestId, ErrorUris.AUTHORIZATION_FAILED,
                    "the authorizer of role " + peer.authrole() + " could not decide whether it may "
                            + action.name().toLowerCase(java.util.Locale.ROOT) + " " + uri + "; try again later");
            return;
        }
        if (!decision.allowed()) {
            refuse(request.type(), requestId, ErrorUris.NOT_AUTHORIZED,
                    "role " + peer.authrole() + " may not " + action.name().toLowerCase(java.util.Locale.ROOT)
                            + " " + uri);
            return;
        }
        realm.route(peer, request, discloseMe || decision.disclose());
    }

    /**
     * Answers a request the session refuses itself. The answer goes through the realm's loop, after the answers to
     * the requests before it, so that a client sees its answers in the order it asked.
     */
    private void refuse(int requestType, long requestId, String error, String why) {
        Error refusal = new Error(requestType, requestId, Map.of(), error, Payload.of(why));
        realm.loop().execute(() -> connection.send(refusal));
    }

    /**
     * A frame that did not decode ends the session, except a request whose only fault is its URI: that one is
     * answered with ERROR {@code wamp.error.invalid_uri} (basic profile, "Incorrect URIs") and the session goes on.
     */
    @Override
    public void onProtocolViolation(ProtocolViolationException violation) {
        ProtocolViolationException.FailedRequest request = violation.failedRequest();
        if (request != null && state == State.ESTABLISHED) {
            refuse(request.requestType(), request.requestId(), request.error(), violation.getMessage());
            return;
        }
        violation(violation.getMessage());
    }

    private void violation(String why) {
        abort(ErrorUris.PROTOCOL_VIOLATION, why);
    }

    private void abort(String reason, String message) {
        if (state == State.CLOSED) {
            return;
        }
        connection.send(new Abort(CloseDetails.message(message), reason));
        close();
    }

    /**
     * The session sent more messages than its limit allows: GOODBYE {@value SessionLimits#RATE_LIMITED} once the
     * answers to its earlier requests are out (through the realm's loop, as for a client's GOODBYE), or ABORT with
     * that reason before the session is established. What it sends meanwhile is not heard.
     */
    private void rateLimited() {
        sessions.limitExceeded(SessionLimits.MESSAGES_LIMIT);
        String why = "more than " + sessions.limits().messagesPerSecond() + " messages a second";
        if (state != State.ESTABLISHED) {
            abort(SessionLimits.RATE_LIMITED, why);
            return;
        }
        Realm current = realm;
        leaveRealm();
        current.loop().execute(() -> {
            connection.send(new Goodbye(CloseDetails.message(why), SessionLimits.RATE_LIMITED));
            connection.close();
        });
    }

    /** The router shuts down: the client is told with GOODBYE {@code wamp.close.system_shutdown}. */
    void shutdown() {
        boolean established = state == State.ESTABLISHED;
        leaveRealm();
        if (established) {
            connection.send(new Goodbye(CloseDetails.message("the router is shutting down"),
                    CloseUris.SYSTEM_SHUTDOWN));
        }
        connection.close();
    }

    /**
     * Killed through the session meta API ({@code wamp.session.kill*}), on a routing loop: the client is told GOODBYE
     * with the given reason and message, then the session leaves its realm and the connection closes.
     */
    private void kill(String reason, @Nullable String message) {
        if (state != State.ESTABLISHED) {
            return;
        }
        // leave first, so that the client's GOODBYE in reply is not taken for a new one and answered
        leaveRealm();
        connection.send(new Goodbye(message == null ? CloseDetails.DEFAULT : CloseDetails.message(message), reason));
        connection.close();
    }

    /** Leaves the realm and closes the connection (after what is queued, such as an ABORT or GOODBYE). */
    private void close() {
        leaveRealm();
        connection.close();
    }

    @Override
    public void onClosed() {
        leaveRealm();
    }

    private synchronized void leaveRealm() {
        State previous = state;
        state = State.CLOSED;
        if (previous == State.ESTABLISHED && peer != null) {
            realm.leave(peer.sessionId());
            sessions.unregister(peer.sessionId());
        }
    }
}
