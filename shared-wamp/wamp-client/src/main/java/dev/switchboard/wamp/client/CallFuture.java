package dev.switchboard.wamp.client;

import dev.switchboard.wamp.message.CancelMode;
import java.util.concurrent.CompletableFuture;

/**
 * The pending outcome of a call: completes with the {@link CallResult}, or exceptionally with a
 * {@link WampException} (the error the callee or router answered with), or with a {@link NotConnectedException}
 * when the session is lost before the answer comes.
 *
 * <p>Canceling it (advanced profile, "Call Canceling") sends CANCEL to the router and cancels this future at once;
 * whatever the router answers afterwards is dropped. {@link #cancel(boolean)} leaves the mode to the router (which
 * uses {@code kill}: the callee is interrupted).
 */
public abstract class CallFuture extends CompletableFuture<CallResult> {

    /** The {@code CALL.Request} id, unique among this session's pending calls. */
    public abstract long requestId();

    /**
     * Cancels the call with the given mode: {@code skip} (the callee is not told), {@code kill} (the callee gets
     * INTERRUPT) or {@code killnowait}.
     *
     * @return whether this future was canceled by this call (false when it had completed already)
     */
    public abstract boolean cancel(CancelMode mode);
}
