package dev.switchboard.router.dealer;

import dev.switchboard.router.routing.LimitListener;
import dev.switchboard.router.routing.Peer;
import dev.switchboard.router.routing.RoutingLoop;
import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.IdGenerator;
import dev.switchboard.wamp.matching.UriPattern;
import dev.switchboard.wamp.matching.UriPatternIndex;
import dev.switchboard.wamp.message.Call;
import dev.switchboard.wamp.message.Cancel;
import dev.switchboard.wamp.message.Error;
import dev.switchboard.wamp.message.InvocationPolicy;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.Register;
import dev.switchboard.wamp.message.RegisterOptions;
import dev.switchboard.wamp.message.Registered;
import dev.switchboard.wamp.message.Roles;
import dev.switchboard.wamp.message.Unregister;
import dev.switchboard.wamp.message.Unregistered;
import dev.switchboard.wamp.message.Yield;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Routes calls to registered procedures (basic profile, "Remote Procedure Calls"; advanced profile: shared and
 * pattern-based registration, progressive call results and invocations, call timeout, call canceling, caller
 * identification, registration revocation; per-callee {@code concurrency} and call queues; a per-session limit of
 * pending calls). Not thread-safe: every method runs on the realm's routing loop.
 */
public final class Dealer {

    static final String REGISTRATION_REVOCATION = "registration_revocation";

    /**
     * Not a standard URI (the spec names no error for it, and {@code wamp.} is reserved to the spec): a CALL beyond
     * the session's limit of pending calls.
     */
    public static final String TOO_MANY_PENDING_CALLS = ErrorUris.TOO_MANY_PENDING_CALLS;
    static final String PENDING_CALLS_LIMIT = "pending-calls-per-session";

    private final UriPatternIndex<Registration> registrations = new UriPatternIndex<>();
    private final Map<Long, Registration> byId = new HashMap<>();
    private final Map<Long, List<Callee>> bySession = new HashMap<>();
    private final IdGenerator registrationIds = IdGenerator.random();
    private final Invocations invocations;
    private final DealerSettings settings;
    private final RegistrationListener listener;
    private final CallListener callListener;
    private final LimitListener limitListener;
    private final Clock clock;

    public Dealer(RoutingLoop loop, DealerSettings settings, RegistrationListener listener, Clock clock) {
        this(loop, settings, listener, CallListener.NONE, clock);
    }

    public Dealer(RoutingLoop loop, DealerSettings settings, RegistrationListener listener,
                  CallListener callListener, Clock clock) {
        this(loop, settings, listener, callListener, LimitListener.NONE, clock);
    }

    public Dealer(RoutingLoop loop, DealerSettings settings, RegistrationListener listener,
                  CallListener callListener, LimitListener limitListener, Clock clock) {
        this.invocations = new Invocations(loop, settings, callListener);
        this.callListener = callListener;
        this.limitListener = limitListener;
        this.settings = settings;
        this.listener = listener;
        this.clock = clock;
    }

    /** REGISTER: creates the registration or joins a shared one of the same policy. */
    public void register(Peer peer, Register request) {
        RegisterOptions options = request.options();
        UriPattern pattern = new UriPattern(request.procedure(), options.match());
        Registration registration = registrations.get(pattern);
        if (registration != null) {
            String refusal = refusal(registration, peer, options);
            if (refusal != null) {
                peer.send(new Error(Register.TYPE, request.requestId(), Map.of(), refusal,
                        Payload.of("cannot register " + request.procedure() + ": " + refusal)));
                return;
            }
            if (options.forceReregister()) {
                revokeAll(registration);
                registration.changePolicy(options.invoke());
            }
        }
        boolean created = registration == null;
        if (created) {
            registration = new Registration(nextRegistrationId(), pattern, options.invoke(), clock.instant(),
                    settings.queueCapacity(request.procedure()));
            registrations.put(pattern, registration);
            byId.put(registration.id(), registration);
        }
        int concurrency = options.concurrency() == null ? Integer.MAX_VALUE : options.concurrency();
        Callee callee = new Callee(peer, registration, concurrency, options.discloseCaller(), clock.instant());
        registration.add(callee);
        bySession.computeIfAbsent(peer.sessionId(), id -> new ArrayList<>()).add(callee);
        peer.send(new Registered(request.requestId(), registration.id()));
        if (created) {
            callListener.onRegistrationCreated(registration);
            listener.onCreate(peer.sessionId(), registration);
        }
        listener.onRegister(peer.sessionId(), registration);
        invocations.drain(registration);
    }

    /** Why {@code peer} may not join {@code existing}, or {@code null} when it may. */
    private static @Nullable String refusal(Registration existing, Peer peer, RegisterOptions options) {
        if (existing.callee(peer.sessionId()) != null) {
            return ErrorUris.PROCEDURE_ALREADY_EXISTS;
        }
        if (options.forceReregister()) {
            return null;
        }
        if (existing.policy() != options.invoke()) {
            return ErrorUris.PROCEDURE_EXISTS_WITH_DIFFERENT_INVOCATION_POLICY;
        }
        if (existing.policy() == InvocationPolicy.SINGLE) {
            return ErrorUris.PROCEDURE_ALREADY_EXISTS;
        }
        return null;
    }

    /** {@code force_reregister}: the current callees lose the registration and are told so if they can hear it. */
    private void revokeAll(Registration registration) {
        for (Callee callee : new ArrayList<>(registration.callees())) {
            if (callee.peer().supports(Roles.CALLEE, REGISTRATION_REVOCATION)) {
                callee.peer().send(new Unregistered(0, Map.of("registration", registration.id(),
                        "reason", "wamp.registration.force_reregister")));
            }
            detach(callee, false);
        }
    }

    /** UNREGISTER: leaves the registration, which is deleted with its last callee. */
    public void unregister(Peer peer, Unregister request) {
        Registration registration = byId.get(request.registrationId());
        Callee callee = registration == null ? null : registration.callee(peer.sessionId());
        if (callee == null) {
            peer.send(new Error(Unregister.TYPE, request.requestId(), Map.of(), ErrorUris.NO_SUCH_REGISTRATION,
                    Payload.EMPTY));
            return;
        }
        detach(callee, true);
        peer.send(new Unregistered(request.requestId(), Map.of()));
    }

    /**
     * CALL: invokes the best-matching registration, or continues a progressive call invocation. When the first chunk
     * of a progressive call invocation is refused, or its caller's side ends before the final chunk, its remaining
     * chunks are dropped silently up to the final one (for a bounded time: after that, a chunk is a new CALL like any
     * other; see {@link Invocations#discard}), so that none of them starts a call that begins mid-stream.
     *
     * @param discloseCaller whether the callee learns who calls because the caller asked to be disclosed (a callee
     *                       that registered with {@code disclose_caller} learns it anyway)
     */
    public void call(Peer caller, Call call, boolean discloseCaller) {
        if (invocations.discarded(caller.sessionId(), call)) {
            return;
        }
        PendingCall running = invocations.ofCaller(caller.sessionId(), call.requestId());
        if (running != null) {
            invocations.chunk(running, call);
            return;
        }
        int maxPending = settings.maxPendingCalls();
        if (maxPending > 0 && invocations.pendingOf(caller.sessionId()) >= maxPending) {
            limitListener.onLimitExceeded(PENDING_CALLS_LIMIT);
            Invocations.fail(caller, call.requestId(), TOO_MANY_PENDING_CALLS,
                    "this session already has " + maxPending + " calls waiting for their answer");
            discardRest(caller, call);
            return;
        }
        UriPatternIndex.Entry<Registration> match = registrations.bestMatch(call.procedure());
        if (match == null) {
            callListener.onCallRefused(null, call.procedure(), ErrorUris.NO_SUCH_PROCEDURE);
            Invocations.fail(caller, call.requestId(), ErrorUris.NO_SUCH_PROCEDURE,
                    "no callee registered for procedure " + call.procedure());
            discardRest(caller, call);
            return;
        }
        invocations.start(caller, call, match.value(), discloseCaller);
    }

    /** A refused CALL that begins a progressive call invocation: its remaining chunks are discarded. */
    private void discardRest(Peer caller, Call refused) {
        if (refused.options().progress()) {
            invocations.discard(caller.sessionId(), refused);
        }
    }

    public void yield(Peer callee, Yield yield) {
        invocations.yield(callee, yield);
    }

    /** ERROR from a callee, answering an INVOCATION. */
    public void error(Peer callee, Error error) {
        invocations.error(callee, error);
    }

    public void cancel(Peer caller, Cancel cancel) {
        invocations.cancel(caller, cancel);
    }

    /** The session left the realm: its calls end, its registrations go, and callers waiting on it hear so. */
    public void leave(long sessionId) {
        invocations.callerLeft(sessionId);
        List<Callee> callees = bySession.remove(sessionId);
        if (callees != null) {
            for (Callee callee : callees) {
                detach(callee, true);
            }
        }
    }

    /** Removes a callee; its waiting callers hear {@code canceled}; an empty registration goes if so asked. */
    private void detach(Callee callee, boolean deleteIfEmpty) {
        Registration registration = callee.registration();
        if (!registration.remove(callee)) {
            return;
        }
        long sessionId = callee.peer().sessionId();
        List<Callee> ofSession = bySession.get(sessionId);
        if (ofSession != null) {
            ofSession.remove(callee);
            if (ofSession.isEmpty()) {
                bySession.remove(sessionId);
            }
        }
        invocations.calleeLeft(callee);
        listener.onUnregister(sessionId, registration);
        if (deleteIfEmpty && registration.callees().isEmpty()) {
            registrations.remove(registration.pattern());
            byId.remove(registration.id());
            invocations.registrationDeleted(registration);
            callListener.onRegistrationDeleted(registration);
            listener.onDelete(sessionId, registration);
        }
    }

    private long nextRegistrationId() {
        long id;
        do {
            id = registrationIds.next();
        } while (byId.containsKey(id));
        return id;
    }

    // --- queries for the registration meta API ---

    /** The registration of exactly this pattern ({@code wamp.registration.lookup}). */
    public @Nullable Registration lookup(UriPattern pattern) {
        return registrations.get(pattern);
    }

    /** The registration a call to {@code procedure} would go to ({@code wamp.registration.match}). */
    public @Nullable Registration match(String procedure) {
        UriPatternIndex.Entry<Registration> best = registrations.bestMatch(procedure);
        return best == null ? null : best.value();
    }

    public @Nullable Registration get(long registrationId) {
        return byId.get(registrationId);
    }

    public Collection<Registration> all() {
        return Collections.unmodifiableCollection(byId.values());
    }
}
