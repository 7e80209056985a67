package dev.switchboard.wamp.client;

import dev.switchboard.wamp.message.Payload;

/**
 * A call whose arguments are sent in chunks (advanced profile, "Progressive Call Invocations"): the first chunk went
 * with the call; {@link #send} sends more; {@link #end} sends the last. The callee receives them in order
 * ({@link IncomingInvocation#nextChunk()}) and answers once, into {@link #result()}.
 */
public interface ProgressiveCall {

    /** Sends one more chunk; more follow. */
    void send(Payload.Arguments chunk);

    /** Sends the last chunk. Nothing may be sent after it. */
    void end(Payload.Arguments lastChunk);

    /** The call's outcome; canceling it cancels the call. */
    CallFuture result();
}
