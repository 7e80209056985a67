package dev.switchboard.wamp.client.internal;

import dev.switchboard.wamp.client.CallFuture;
import dev.switchboard.wamp.client.ProgressiveCall;
import dev.switchboard.wamp.message.Call;
import dev.switchboard.wamp.message.CallOptions;
import dev.switchboard.wamp.message.Payload;

/**
 * The caller's side of a progressive call invocation: each chunk is a CALL with the same request id, with
 * {@code progress} on all but the last (advanced profile, "Progressive Call Invocations").
 */
final class RealProgressiveCall implements ProgressiveCall {

    private final Requests requests;
    private final RealCallFuture result;
    private final String procedure;
    private final CallOptions options;
    private boolean ended;

    RealProgressiveCall(Requests requests, RealCallFuture result, String procedure, CallOptions options) {
        this.requests = requests;
        this.result = result;
        this.procedure = procedure;
        this.options = options;
    }

    @Override
    public synchronized void send(Payload.Arguments chunk) {
        sendChunk(chunk, true);
    }

    @Override
    public synchronized void end(Payload.Arguments lastChunk) {
        sendChunk(lastChunk, false);
        ended = true;
    }

    private void sendChunk(Payload.Arguments chunk, boolean more) {
        if (ended) {
            throw new IllegalStateException("the last chunk of call " + result.requestId() + " was sent already");
        }
        if (result.isDone()) {
            return; // answered, failed or canceled: the dealer would take a further chunk for a new call
        }
        CallOptions chunkOptions = new CallOptions(options.timeout(), options.receiveProgress(), more,
                options.discloseMe(), options.other());
        requests.sendChunk(result, new Call(result.requestId(), chunkOptions, procedure, chunk));
    }

    @Override
    public CallFuture result() {
        return result;
    }
}
