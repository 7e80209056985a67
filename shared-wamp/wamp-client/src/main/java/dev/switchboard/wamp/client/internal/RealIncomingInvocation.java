package dev.switchboard.wamp.client.internal;

import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.client.IncomingInvocation;
import dev.switchboard.wamp.message.CancelMode;
import dev.switchboard.wamp.message.Error;
import dev.switchboard.wamp.message.Invocation;
import dev.switchboard.wamp.message.InvocationDetails;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.WampMessage;
import dev.switchboard.wamp.message.Yield;
import dev.switchboard.wamp.message.YieldOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * One running invocation. It is answered exactly once: by the handler's result or error, or at once on INTERRUPT
 * (advanced profile, "Call Canceling": the callee answers ERROR, except in {@code killnowait} mode, where the dealer
 * does not wait for it).
 */
final class RealIncomingInvocation implements IncomingInvocation {

    private record Chunk(Payload.Arguments arguments, boolean more) {
    }

    private final Session session;
    private final long requestId;
    private final String procedure;
    private final Payload.Arguments arguments;
    private final InvocationDetails details;
    private final BlockingQueue<Chunk> chunks = new LinkedBlockingQueue<>();
    private final AtomicBoolean answered = new AtomicBoolean();
    private volatile boolean moreChunks;
    private volatile boolean interrupted;
    private volatile @Nullable CancelMode interruptMode;
    /** Guarded by this: the thread running the handler, while it does; the actions to run on interrupt. */
    private @Nullable Thread runner;
    private final List<Runnable> onInterrupt = new ArrayList<>();

    RealIncomingInvocation(Session session, long requestId, String procedure, Payload.Arguments arguments,
                           InvocationDetails details) {
        this.session = session;
        this.requestId = requestId;
        this.procedure = procedure;
        this.arguments = arguments;
        this.details = details;
        this.moreChunks = details.progress();
    }

    long requestId() {
        return requestId;
    }

    @Override
    public String procedure() {
        return procedure;
    }

    @Override
    public Payload.Arguments arguments() {
        return arguments;
    }

    @Override
    public InvocationDetails details() {
        return details;
    }

    @Override
    public void sendProgress(Payload.Arguments progress) {
        if (!details.receiveProgress()) {
            throw new IllegalStateException("the caller of " + procedure + " did not ask for progressive results");
        }
        if (!answered.get()) {
            session.send(new Yield(requestId, YieldOptions.PROGRESS, progress));
        }
    }

    @Override
    public boolean hasMoreChunks() {
        return moreChunks;
    }

    @Override
    public Payload.Arguments nextChunk() throws InterruptedException {
        if (!moreChunks) {
            throw new IllegalStateException("no further chunk of this call is to come");
        }
        Chunk chunk = chunks.take();
        moreChunks = chunk.more();
        return chunk.arguments();
    }

    /** On the transport's thread: a further INVOCATION of a progressive call invocation. */
    void chunkReceived(Payload.Arguments chunk, boolean more) {
        chunks.add(new Chunk(chunk, more));
    }

    @Override
    public boolean isInterrupted() {
        return interrupted;
    }

    @Override
    public @Nullable CancelMode interruptMode() {
        return interruptMode;
    }

    @Override
    public void onInterrupt(Runnable action) {
        synchronized (this) {
            if (!interrupted) {
                onInterrupt.add(action);
                return;
            }
        }
        action.run();
    }

    synchronized void attach(Thread thread) {
        runner = thread;
    }

    synchronized void detach() {
        runner = null;
    }

    /**
     * INTERRUPT (with {@code answer}), or the session was lost (without): the invocation is answered now if the
     * dealer waits for an answer, and the handler's thread is interrupted.
     */
    void interrupt(@Nullable CancelMode mode, @Nullable String reason, boolean answer) {
        // claimed before the handler's thread is interrupted: its InterruptedException must not become the answer
        boolean claimed = answered.compareAndSet(false, true);
        List<Runnable> actions;
        synchronized (this) {
            if (interrupted) {
                return;
            }
            interruptMode = mode;
            interrupted = true;
            if (runner != null) {
                runner.interrupt();
            }
            actions = List.copyOf(onInterrupt);
            onInterrupt.clear();
        }
        if (claimed && answer && mode != CancelMode.KILLNOWAIT) {
            session.sendAsync(new Error(Invocation.TYPE, requestId, Map.of(),
                    reason != null ? reason : ErrorUris.CANCELED, Payload.of("the invocation was interrupted")));
        }
        actions.forEach(ClientThreads.CALLBACKS::execute);
    }

    /** Sends the answer (YIELD or ERROR) unless the invocation was answered already. */
    void answer(WampMessage answer) {
        if (answered.compareAndSet(false, true)) {
            session.sendQuietly(answer);
        }
    }

    /** {@link #answer}, from the transport's thread. */
    void answerAsync(WampMessage answer) {
        if (answered.compareAndSet(false, true)) {
            session.sendAsync(answer);
        }
    }
}
