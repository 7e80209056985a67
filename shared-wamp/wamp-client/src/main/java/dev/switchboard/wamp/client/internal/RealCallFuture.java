package dev.switchboard.wamp.client.internal;

import dev.switchboard.wamp.client.CallFuture;
import dev.switchboard.wamp.client.CallResult;
import dev.switchboard.wamp.client.ProgressListener;
import dev.switchboard.wamp.message.CancelMode;
import dev.switchboard.wamp.message.Error;
import dev.switchboard.wamp.message.Result;
import dev.switchboard.wamp.message.WampMessage;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * A call waiting for its RESULT or ERROR. Completes on a client thread, never the transport's; with a progress
 * listener, the progressive results and then the outcome go through one serial queue, so they keep their order.
 */
final class RealCallFuture extends CallFuture implements PendingRequest {

    private static final Log log = LogFactory.getLog(RealCallFuture.class);

    private final Requests requests;
    private final long requestId;
    private final @Nullable ProgressListener progress;
    private final @Nullable SerialExecutor ordered;

    RealCallFuture(Requests requests, long requestId, @Nullable ProgressListener progress) {
        this.requests = requests;
        this.requestId = requestId;
        this.progress = progress;
        this.ordered = progress == null ? null : new SerialExecutor(ClientThreads.CALLBACKS, Integer.MAX_VALUE);
    }

    @Override
    public long requestId() {
        return requestId;
    }

    /** On the transport's thread: a progressive or the final RESULT. */
    void resultReceived(Result result) {
        CallResult received;
        try {
            received = new CallResult(Messages.arguments(result.payload()), result.details());
        } catch (RuntimeException unreadable) {
            if (!result.details().progress()) {
                fail(unreadable);
            }
            return;
        }
        if (!result.details().progress()) {
            run(() -> complete(received));
        } else if (progress != null) {
            ProgressListener listener = progress;
            run(() -> {
                try {
                    listener.onProgress(received);
                } catch (Throwable failure) {
                    log.warn("The progress listener of call " + requestId + " failed", failure);
                }
            });
        }
    }

    @Override
    public void answer(WampMessage reply) {
        if (reply instanceof Error error) {
            run(() -> completeExceptionally(Messages.exception(error)));
        }
    }

    @Override
    public void fail(RuntimeException error) {
        run(() -> completeExceptionally(error));
    }

    private void run(Runnable step) {
        if (ordered != null) {
            ordered.offer(step);
        } else {
            ClientThreads.CALLBACKS.execute(step);
        }
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return cancelWith(null);
    }

    @Override
    public boolean cancel(CancelMode mode) {
        return cancelWith(mode);
    }

    private boolean cancelWith(@Nullable CancelMode mode) {
        if (isDone() || !requests.cancel(this, mode)) {
            return false; // answered already, or being completed right now
        }
        return super.cancel(false);
    }
}
