package dev.switchboard.router.dealer;

import dev.switchboard.router.routing.Peer;
import dev.switchboard.router.routing.RoutingLoop;
import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.Match;
import dev.switchboard.wamp.message.Call;
import dev.switchboard.wamp.message.Cancel;
import dev.switchboard.wamp.message.CancelMode;
import dev.switchboard.wamp.message.Error;
import dev.switchboard.wamp.message.Interrupt;
import dev.switchboard.wamp.message.InterruptOptions;
import dev.switchboard.wamp.message.Invocation;
import dev.switchboard.wamp.message.InvocationDetails;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.Result;
import dev.switchboard.wamp.message.ResultDetails;
import dev.switchboard.wamp.message.Roles;
import dev.switchboard.wamp.message.Yield;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The calls in flight: CALL → INVOCATION → YIELD/ERROR → RESULT/ERROR, with progressive results and invocations,
 * timeouts, canceling, call queues, and the end of calls whose caller or callee left. Runs on the routing loop.
 */
final class Invocations {

    static final String CALL_CANCELING = "call_canceling";
    /** How many chunks of a progressive call may wait with it while it is queued for a free callee. */
    static final int MAX_BUFFERED_CHUNKS = 1_024;
    static final String PROGRESSIVE_CALL_RESULTS = "progressive_call_results";
    static final String PROGRESSIVE_CALL_INVOCATIONS = "progressive_call_invocations";
    static final String CALL_TIMEOUT = "call_timeout";
    /**
     * The least time the remaining chunks of a progressive call invocation are discarded after the caller's side
     * ended; a call with a longer timeout has them discarded for that long.
     */
    static final Duration DISCARD_AT_LEAST = Duration.ofSeconds(60);
    /** How many request ids whose chunks are being discarded one session may have; beyond, the oldest is forgotten. */
    static final int MAX_DISCARDING_PER_SESSION = 1000;

    private final RoutingLoop loop;
    private final DealerSettings settings;
    private final CallListener listener;
    /** Caller session → CALL.Request → the call, exactly while the caller waits for its answer. */
    private final Map<Long, Map<Long, PendingCall>> byCaller = new HashMap<>();
    /**
     * Caller session → CALL.Request of a progressive call invocation whose caller's side ended (answered, refused,
     * canceled, timed out) while more chunks were due → its expiry, oldest first. Holds no payload and is no pending
     * call: see {@link #discard}.
     */
    private final Map<Long, LinkedHashMap<Long, Discarding>> discarding = new HashMap<>();
    /** Callee session → INVOCATION.Request → the call, while the callee's answer is due. */
    private final Map<Long, Map<Long, PendingCall>> byCallee = new HashMap<>();

    Invocations(RoutingLoop loop, DealerSettings settings, CallListener listener) {
        this.loop = loop;
        this.settings = settings;
        this.listener = listener;
    }

    @Nullable PendingCall ofCaller(long sessionId, long requestId) {
        Map<Long, PendingCall> calls = byCaller.get(sessionId);
        return calls == null ? null : calls.get(requestId);
    }

    /**
     * How many calls of {@code sessionId} wait for their answer (queued or running). The request ids whose remaining
     * chunks are being discarded do not count: they are bounded on their own ({@link #MAX_DISCARDING_PER_SESSION},
     * expiry).
     */
    int pendingOf(long sessionId) {
        Map<Long, PendingCall> calls = byCaller.get(sessionId);
        return calls == null ? 0 : calls.size();
    }

    /** A new call to {@code registration}: invoke a free callee, else queue it, else fail it. */
    void start(Peer caller, Call call, Registration registration, boolean discloseCaller) {
        PendingCall pending = new PendingCall(caller, call, registration, discloseCaller);
        Callee callee = registration.selectCallee();
        if (callee == null) {
            if (!registration.enqueue(pending)) {
                listener.onCallRefused(registration, call.procedure(), ErrorUris.MAX_CONCURRENCY_REACHED);
                fail(caller, call.requestId(), ErrorUris.MAX_CONCURRENCY_REACHED,
                        "every callee of " + call.procedure() + " is at its concurrency limit");
                if (call.options().progress()) {
                    discard(caller.sessionId(), call);
                }
                return;
            }
        }
        byCaller.computeIfAbsent(caller.sessionId(), id -> new HashMap<>()).put(call.requestId(), pending);
        listener.onCallAccepted(registration);
        Duration timeout = settings.timeoutFor(call.options().timeout());
        if (!timeout.isZero()) {
            pending.timer = loop.schedule(timeout, () -> timedOut(pending));
        }
        if (callee != null) {
            invoke(pending, callee);
        }
    }

    /**
     * A further CALL with the request id of a progressive call invocation whose caller still waits for its answer:
     * passed on to the callee, or kept with the call while it is queued. (Once the caller has its answer, the
     * remaining chunks go to {@link #discarded} instead.)
     */
    void chunk(PendingCall pending, Call chunk) {
        if (!pending.moreChunks) {
            fail(pending.caller, chunk.requestId(), ErrorUris.PROTOCOL_VIOLATION,
                    "CALL.Request " + chunk.requestId() + " is already in use");
            return;
        }
        pending.moreChunks = chunk.options().progress();
        if (pending.invoked()) {
            sendChunk(pending, chunk);
        } else if (pending.bufferedChunks() >= MAX_BUFFERED_CHUNKS) {
            // a queued call holds its chunks until a callee is free: without a bound, one caller could pile up
            // the router's memory behind a busy callee
            pending.registration.dequeue(pending);
            failCall(pending, ErrorUris.PAYLOAD_SIZE_EXCEEDED, "the call waits in the queue for a free callee and "
                    + "more than " + MAX_BUFFERED_CHUNKS + " of its chunks would wait with it");
            drain(pending.registration);
        } else {
            pending.bufferChunk(chunk);
        }
    }

    private void invoke(PendingCall pending, Callee callee) {
        Peer peer = callee.peer();
        // a callee without call canceling counts as one without progressive call invocations (advanced profile,
        // "Progressive Call Invocations", which spells the feature call_cancelling)
        if (pending.call.options().progress() && !(peer.supports(Roles.CALLEE, PROGRESSIVE_CALL_INVOCATIONS)
                && (peer.supports(Roles.CALLEE, CALL_CANCELING) || peer.supports(Roles.CALLEE, "call_cancelling")))) {
            failCall(pending, ErrorUris.FEATURE_NOT_SUPPORTED,
                    "the callee does not support progressive call invocations (with call canceling)");
            return;
        }
        callee.occupySlot();
        pending.callee = callee;
        pending.invocationId = peer.nextRequestId();
        byCallee.computeIfAbsent(peer.sessionId(), id -> new HashMap<>()).put(pending.invocationId, pending);
        peer.send(new Invocation(pending.invocationId, pending.registration.id(),
                details(pending, callee, pending.call.options().progress()), pending.call.payload()));
        if (pending.laterChunks != null) {
            pending.laterChunks.forEach(chunk -> sendChunk(pending, chunk));
            pending.laterChunks = null;
        }
    }

    private void sendChunk(PendingCall pending, Call chunk) {
        Callee callee = pending.callee;
        callee.peer().send(new Invocation(pending.invocationId, pending.registration.id(),
                details(pending, callee, chunk.options().progress()), chunk.payload()));
    }

    private InvocationDetails details(PendingCall pending, Callee calleeOfCall, boolean progress) {
        Peer callee = calleeOfCall.peer();
        boolean disclose = pending.discloseCaller || calleeOfCall.discloseCaller();
        boolean pattern = pending.registration.pattern().match() != Match.EXACT;
        boolean receiveProgress = pending.call.options().receiveProgress()
                && callee.supports(Roles.CALLEE, PROGRESSIVE_CALL_RESULTS);
        Long timeout = pending.call.options().timeout();
        boolean forwardTimeout = timeout != null && timeout > 0 && callee.supports(Roles.CALLEE, CALL_TIMEOUT);
        if (!disclose && !pattern && !receiveProgress && !progress && !forwardTimeout) {
            return InvocationDetails.DEFAULT;
        }
        Peer caller = pending.caller;
        return new InvocationDetails(
                disclose ? caller.sessionId() : null,
                disclose ? caller.authid() : null,
                disclose ? caller.authrole() : null,
                pattern ? pending.call.procedure() : null,
                receiveProgress, progress,
                forwardTimeout ? timeout : null,
                Map.of());
    }

    /** YIELD: a progressive or final result for the caller. */
    void yield(Peer callee, Yield yield) {
        PendingCall pending = ofCallee(callee.sessionId(), yield.requestId());
        if (pending == null) {
            return; // answer to an invocation that already ended (canceled, timed out): discarded
        }
        if (yield.options().progress()) {
            if (pending.callerWaiting && pending.call.options().receiveProgress()) {
                pending.caller.send(new Result(pending.call.requestId(), ResultDetails.PROGRESS, yield.payload()));
            }
            return;
        }
        endForCallee(pending);
        if (pending.callerWaiting) {
            endForCaller(pending, "result");
            pending.caller.send(new Result(pending.call.requestId(), ResultDetails.DEFAULT, yield.payload()));
        }
        drain(pending.registration);
    }

    /** ERROR answering an INVOCATION: passed to the caller with its URI, arguments and details. */
    void error(Peer callee, Error error) {
        PendingCall pending = ofCallee(callee.sessionId(), error.requestId());
        if (pending == null) {
            return;
        }
        endForCallee(pending);
        if (pending.callerWaiting) {
            endForCaller(pending, error.error());
            pending.caller.send(new Error(Call.TYPE, pending.call.requestId(),
                    error.details(), error.error(), error.payload()));
        }
        drain(pending.registration);
    }

    /**
     * CANCEL, in the mode asked for (default {@code kill}); {@code skip} when the callee does not support call
     * canceling. A call still in the queue just leaves it.
     */
    void cancel(Peer caller, Cancel cancel) {
        PendingCall pending = ofCaller(caller.sessionId(), cancel.requestId());
        if (pending == null || !pending.callerWaiting) {
            return; // already answered: nothing to cancel
        }
        if (!pending.invoked()) {
            pending.registration.dequeue(pending);
            failCall(pending, ErrorUris.CANCELED, "the call was canceled");
            return;
        }
        CancelMode mode = cancel.options().mode() == null ? CancelMode.KILL : cancel.options().mode();
        if (!pending.callee.peer().supports(Roles.CALLEE, CALL_CANCELING)) {
            mode = CancelMode.SKIP;
        }
        switch (mode) {
            case SKIP -> failCall(pending, ErrorUris.CANCELED, "the call was canceled");
            case KILL -> interrupt(pending, CancelMode.KILL, ErrorUris.CANCELED);
            case KILLNOWAIT -> {
                interrupt(pending, CancelMode.KILLNOWAIT, ErrorUris.CANCELED);
                endForCallee(pending);
                failCall(pending, ErrorUris.CANCELED, "the call was canceled");
                drain(pending.registration);
            }
        }
    }

    private void timedOut(PendingCall pending) {
        pending.timer = null;
        if (!pending.invoked()) {
            pending.registration.dequeue(pending);
        } else if (isOpenForCallee(pending)) {
            if (pending.callee.peer().supports(Roles.CALLEE, CALL_CANCELING)) {
                interrupt(pending, CancelMode.KILLNOWAIT, ErrorUris.TIMEOUT);
            }
            endForCallee(pending);
        }
        if (pending.callerWaiting) {
            failCall(pending, ErrorUris.TIMEOUT, "the call timed out");
        }
        drain(pending.registration);
    }

    /** The caller left: its queued calls are dropped, its running ones interrupted where the callee can be. */
    void callerLeft(long sessionId) {
        LinkedHashMap<Long, Discarding> ids = discarding.remove(sessionId);
        if (ids != null) {
            ids.values().forEach(Discarding::stop);
        }
        Map<Long, PendingCall> calls = byCaller.remove(sessionId);
        if (calls == null) {
            return;
        }
        for (PendingCall pending : calls.values()) {
            if (pending.callerWaiting) {
                listener.onCallAbandoned(pending.registration);
            }
            pending.callerWaiting = false;
            if (!pending.invoked()) {
                pending.registration.dequeue(pending);
                pending.stopTimer();
            } else if (isOpenForCallee(pending) && pending.callee.peer().supports(Roles.CALLEE, CALL_CANCELING)) {
                interrupt(pending, CancelMode.KILLNOWAIT, ErrorUris.CANCELED);
                endForCallee(pending);
                drain(pending.registration);
            }
            // otherwise the callee keeps its slot until it answers or the timeout ends the invocation
        }
    }

    /** The callee left its registration (or the realm): every caller waiting on it gets {@code canceled}. */
    void calleeLeft(Callee callee) {
        Map<Long, PendingCall> running = byCallee.get(callee.peer().sessionId());
        if (running == null) {
            return;
        }
        for (PendingCall pending : new ArrayList<>(running.values())) {
            if (pending.callee != callee) {
                continue;
            }
            endForCallee(pending);
            if (pending.callerWaiting) {
                failCall(pending, ErrorUris.CANCELED, "the callee left before answering");
            }
        }
    }

    /** The registration is gone: the calls waiting in its queue get {@code canceled}. */
    void registrationDeleted(Registration registration) {
        for (PendingCall pending : registration.drainQueue()) {
            failCall(pending, ErrorUris.CANCELED, "the procedure was unregistered before a callee was free");
        }
    }

    /** Invokes queued calls while the registration has free callees. */
    void drain(Registration registration) {
        while (registration.queued() > 0) {
            Callee callee = registration.selectCallee();
            if (callee == null) {
                return;
            }
            PendingCall next = registration.pollQueue();
            if (next != null) {
                invoke(next, callee);
            }
        }
    }

    private void interrupt(PendingCall pending, CancelMode mode, String reason) {
        pending.callee.peer().send(new Interrupt(pending.invocationId, new InterruptOptions(mode, reason, Map.of())));
    }

    private @Nullable PendingCall ofCallee(long sessionId, long invocationId) {
        Map<Long, PendingCall> calls = byCallee.get(sessionId);
        return calls == null ? null : calls.get(invocationId);
    }

    private boolean isOpenForCallee(PendingCall pending) {
        return ofCallee(pending.callee.peer().sessionId(), pending.invocationId) == pending;
    }

    /** Ends the callee's side: frees the slot; the caller's side may still be open (kill mode). */
    private void endForCallee(PendingCall pending) {
        Callee callee = pending.callee;
        Map<Long, PendingCall> calls = byCallee.get(callee.peer().sessionId());
        if (calls != null && calls.remove(pending.invocationId) == pending) {
            callee.releaseSlot();
            if (calls.isEmpty()) {
                byCallee.remove(callee.peer().sessionId());
            }
        }
        if (!pending.callerWaiting) {
            pending.stopTimer();
        }
    }

    /** Ends the caller's side with an error the dealer itself raises. */
    private void failCall(PendingCall pending, String error, String message) {
        endForCaller(pending, error);
        fail(pending.caller, pending.call.requestId(), error, message);
    }

    /**
     * Ends the caller's side: it has its answer, whose outcome ({@code result} or an error URI) is counted. The call
     * no longer counts as pending; if more of its chunks are due, they are {@linkplain #discard discarded}.
     */
    private void endForCaller(PendingCall pending, String outcome) {
        boolean wasWaiting = pending.callerWaiting;
        if (wasWaiting) {
            listener.onCallEnded(pending.registration, pending.call.procedure(), outcome,
                    System.nanoTime() - pending.started);
        }
        pending.callerWaiting = false;
        forgetCaller(pending);
        if (pending.moreChunks) {
            pending.moreChunks = false;
            pending.laterChunks = null;
            if (wasWaiting) {
                discard(pending.caller.sessionId(), pending.call);
            }
        }
        if (!pending.invoked() || !isOpenForCallee(pending)) {
            pending.stopTimer();
        }
    }

    /** The caller's request id is no longer that of a call waiting for its answer. */
    private void forgetCaller(PendingCall pending) {
        Map<Long, PendingCall> calls = byCaller.get(pending.caller.sessionId());
        if (calls != null && calls.remove(pending.call.requestId(), pending) && calls.isEmpty()) {
            byCaller.remove(pending.caller.sessionId());
        }
    }

    // --- the remaining chunks of progressive call invocations whose caller's side ended

    /**
     * Discards the remaining chunks of {@code call}, a progressive call invocation ({@code progress} set) whose
     * caller's side ended before its final chunk: it was refused (also by the {@link Dealer}, before any call
     * existed), canceled, timed out, or answered early. Each later CALL with its request id is dropped silently; the
     * final one (without {@code progress}) ends the discarding. Only the request id is kept, and not for ever: many
     * clients stop sending once they have their answer, so the discarding ends after the call's timeout, at least
     * {@link #DISCARD_AT_LEAST}, and a session keeps at most {@link #MAX_DISCARDING_PER_SESSION} (the oldest is
     * forgotten first). A chunk that comes after that has an unknown request id, so it is a new CALL like any other:
     * a final chunk (no {@code progress}) becomes a normal new call.
     */
    void discard(long sessionId, Call call) {
        LinkedHashMap<Long, Discarding> ids = discarding.computeIfAbsent(sessionId, id -> new LinkedHashMap<>());
        Discarding entry = new Discarding();
        Discarding previous = ids.put(call.requestId(), entry);
        if (previous != null) {
            previous.stop();
        }
        if (ids.size() > MAX_DISCARDING_PER_SESSION) {
            Iterator<Discarding> oldest = ids.values().iterator();
            oldest.next().stop();
            oldest.remove();
        }
        Duration timeout = settings.timeoutFor(call.options().timeout());
        Duration expiry = timeout.compareTo(DISCARD_AT_LEAST) > 0 ? timeout : DISCARD_AT_LEAST;
        long requestId = call.requestId();
        entry.timer = loop.schedule(expiry, () -> {
            entry.timer = null;
            forgetDiscarding(sessionId, requestId, entry);
        });
    }

    /**
     * Whether {@code call} is a chunk of a call whose remaining chunks are being discarded, and so is dropped: the
     * final chunk (no {@code progress}) is the last one dropped.
     */
    boolean discarded(long sessionId, Call call) {
        LinkedHashMap<Long, Discarding> ids = discarding.get(sessionId);
        Discarding entry = ids == null ? null : ids.get(call.requestId());
        if (entry == null) {
            return false;
        }
        if (!call.options().progress()) {
            entry.stop();
            forgetDiscarding(sessionId, call.requestId(), entry);
        }
        return true;
    }

    private void forgetDiscarding(long sessionId, long requestId, Discarding entry) {
        LinkedHashMap<Long, Discarding> ids = discarding.get(sessionId);
        if (ids != null && ids.remove(requestId, entry) && ids.isEmpty()) {
            discarding.remove(sessionId);
        }
    }

    /** A request id whose chunks are being discarded: only the timer that ends it. */
    private static final class Discarding {
        RoutingLoop.@Nullable Timer timer;

        void stop() {
            if (timer != null) {
                timer.cancel();
                timer = null;
            }
        }
    }

    static void fail(Peer caller, long requestId, String error, String message) {
        caller.send(new Error(Call.TYPE, requestId, Map.of(), error, Payload.of(message)));
    }
}
