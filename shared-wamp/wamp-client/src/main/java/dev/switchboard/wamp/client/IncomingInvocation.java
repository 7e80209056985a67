package dev.switchboard.wamp.client;

import dev.switchboard.wamp.message.CancelMode;
import dev.switchboard.wamp.message.InvocationDetails;
import dev.switchboard.wamp.message.Payload;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An INVOCATION, as a callee's {@link InvocationHandler} sees it: the arguments, the details the dealer sent, and
 * the means to send progressive results, to read further chunks of a progressive call invocation, and to notice an
 * INTERRUPT.
 */
public interface IncomingInvocation {

    /** The procedure called: the registered URI, or for a pattern-based registration the URI the caller used. */
    String procedure();

    /** The call's arguments (for a progressive call invocation: the first chunk). */
    Payload.Arguments arguments();

    default List<Object> args() {
        return arguments().args();
    }

    default Map<String, Object> kwargs() {
        return arguments().kwargs();
    }

    /** The {@code INVOCATION.Details}: caller identity when disclosed, {@code receive_progress}, {@code timeout}. */
    InvocationDetails details();

    /** Whether the caller accepts progressive results, so that {@link #sendProgress} may be used. */
    default boolean receivesProgress() {
        return details().receiveProgress();
    }

    /**
     * Sends a progressive result (YIELD with {@code progress}); the final result is what the handler returns.
     *
     * @throws IllegalStateException if the caller did not ask for progressive results
     */
    void sendProgress(Payload.Arguments progress);

    /** Whether chunks of a progressive call invocation are still to come. */
    boolean hasMoreChunks();

    /**
     * Waits for the next chunk of a progressive call invocation.
     *
     * @throws IllegalStateException if {@link #hasMoreChunks()} is false
     * @throws InterruptedException  if the invocation is interrupted while waiting
     */
    Payload.Arguments nextChunk() throws InterruptedException;

    /**
     * Whether the dealer interrupted this invocation (the caller canceled, or the call timed out) or the session was
     * lost. The client has then answered already where the dealer waits for an answer (with the reason the dealer
     * gave, usually {@code wamp.error.canceled}); what the handler returns afterwards is dropped. The handler's
     * thread is interrupted as well.
     */
    boolean isInterrupted();

    /** The mode of the INTERRUPT received, or {@code null} when none was (or the session was lost). */
    @Nullable CancelMode interruptMode();

    /** Runs {@code action} when this invocation is interrupted (at once if it was already). */
    void onInterrupt(Runnable action);
}
