package dev.switchboard.wamp.client.internal;

import dev.switchboard.wamp.client.CallFuture;
import dev.switchboard.wamp.client.ProgressiveCall;
import dev.switchboard.wamp.message.CancelMode;
import dev.switchboard.wamp.message.Payload;

/** A call that failed before it could be sent (no established session). */
final class FailedCall extends CallFuture {

    private FailedCall(RuntimeException failure) {
        completeExceptionally(failure);
    }

    static CallFuture of(RuntimeException failure) {
        return new FailedCall(failure);
    }

    static ProgressiveCall progressive(RuntimeException failure) {
        FailedCall result = new FailedCall(failure);
        return new ProgressiveCall() {
            @Override
            public void send(Payload.Arguments chunk) {
            }

            @Override
            public void end(Payload.Arguments lastChunk) {
            }

            @Override
            public CallFuture result() {
                return result;
            }
        };
    }

    @Override
    public long requestId() {
        return 0;
    }

    @Override
    public boolean cancel(CancelMode mode) {
        return false;
    }
}
