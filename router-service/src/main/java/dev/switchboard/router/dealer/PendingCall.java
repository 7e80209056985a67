package dev.switchboard.router.dealer;

import dev.switchboard.router.routing.Peer;
import dev.switchboard.router.routing.RoutingLoop;
import dev.switchboard.wamp.message.Call;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One call from CALL to its end: waiting in a registration's queue, then running as an INVOCATION on a callee.
 * The caller's side ends when the caller has its answer (or is gone); the callee's side when the callee answered,
 * was interrupted for good, or is gone. Its concurrency slot is held exactly while the callee's side is open.
 */
final class PendingCall {

    final Peer caller;
    final Call call;
    final Registration registration;
    final boolean discloseCaller;
    final long started = System.nanoTime();
    @Nullable Callee callee;
    long invocationId;
    RoutingLoop.@Nullable Timer timer;
    boolean callerWaiting = true;
    /** Further CALL chunks of a progressive call invocation that arrived while the call was queued. */
    @Nullable List<Call> laterChunks;
    /** The caller sends more chunks (progressive call invocation) until one without {@code progress}. */
    boolean moreChunks;

    PendingCall(Peer caller, Call call, Registration registration, boolean discloseCaller) {
        this.caller = caller;
        this.call = call;
        this.registration = registration;
        this.discloseCaller = discloseCaller;
        this.moreChunks = call.options().progress();
    }

    boolean invoked() {
        return callee != null;
    }

    int bufferedChunks() {
        return laterChunks == null ? 0 : laterChunks.size();
    }

    void bufferChunk(Call chunk) {
        if (laterChunks == null) {
            laterChunks = new ArrayList<>();
        }
        laterChunks.add(chunk);
    }

    void stopTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }
}
