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
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The calls in flight: CALL → INVOCATION → YIELD/ERROR → RESULT/ERROR, with progressive results and invocations,
 * timeouts, canceling, call queues, and the end of calls whose caller or callee left. Runs on the routing loop.
 */
final class Invocations {

    static final String CALL_CANCELING = "call_canceling";
    static final String PROGRESSIVE_CALL_RESULTS = "progressive_call_results";
    static final String PROGRESSIVE_CALL_INVOCATIONS = "progressive_call_invocations";
    static final String CALL_TIMEOUT = "call_timeout";

    private final RoutingLoop loop;
    private final DealerSettings settings;
    private final CallListener listener;
    /**
     * Caller session → CALL.Request → the call, while the caller waits for its answer, and after that while more
     * chunks of a progressive call invocation are due.
     */
    private final Map<Long, Map<Long, PendingCall>> byCaller = new HashMap<>();
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
     * How many calls of {@code sessionId} wait for their answer (queued or running) or for their remaining chunks:
     * so the session's limit of pending calls also bounds the calls whose chunks are being discarded.
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
                if (pending.moreChunks) {
                    pending.callerWaiting = false;
                    byCaller.computeIfAbsent(caller.sessionId(), id -> new HashMap<>()).put(call.requestId(), pending);
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
     * A further CALL with the request id of a progressive call invocation in progress. Once the caller has its answer
     * (the call was refused, canceled or timed out), its remaining chunks are discarded up to the final one, so that
     * none of them starts a call of its own.
     */
    void chunk(PendingCall pending, Call chunk) {
        if (!pending.moreChunks) {
            fail(pending.caller, chunk.requestId(), ErrorUris.PROTOCOL_VIOLATION,
                    "CALL.Request " + chunk.requestId() + " is already in use");
            return;
        }
        pending.moreChunks = chunk.options().progress();
        if (!pending.callerWaiting) {
            if (!pending.moreChunks) {
                forgetCaller(pending);
            }
            return;
        }
        if (pending.invoked()) {
            sendChunk(pending, chunk);
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

    /** Ends the caller's side: it has its answer, whose outcome ({@code result} or an error URI) is counted. */
    private void endForCaller(PendingCall pending, String outcome) {
        if (pending.callerWaiting) {
            listener.onCallEnded(pending.registration, pending.call.procedure(), outcome,
                    System.nanoTime() - pending.started);
        }
        pending.callerWaiting = false;
        if (!pending.moreChunks) {
            forgetCaller(pending);
        }
        if (!pending.invoked() || !isOpenForCallee(pending)) {
            pending.stopTimer();
        }
    }

    /** The caller's request id is free again: no more chunks of the call will come. */
    private void forgetCaller(PendingCall pending) {
        Map<Long, PendingCall> calls = byCaller.get(pending.caller.sessionId());
        if (calls != null && calls.remove(pending.call.requestId(), pending) && calls.isEmpty()) {
            byCaller.remove(pending.caller.sessionId());
        }
    }

    static void fail(Peer caller, long requestId, String error, String message) {
        caller.send(new Error(Call.TYPE, requestId, Map.of(), error, Payload.of(message)));
    }
}
