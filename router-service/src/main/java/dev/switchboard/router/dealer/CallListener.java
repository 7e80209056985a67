package dev.switchboard.router.dealer;

import org.jspecify.annotations.Nullable;

/** Hears every call end for its caller, for metrics. Called on the routing loop; must be cheap. */
@FunctionalInterface
public interface CallListener {

    CallListener NONE = (registration, procedure, outcome, durationNanos) -> { };

    /**
     * @param registration  the registration the call was routed to, {@code null} when there was none
     * @param outcome       {@code result}, or the error URI the caller received
     * @param durationNanos from CALL to the answer; 0 for calls refused at once
     */
    void onCallEnded(@Nullable Registration registration, String procedure, String outcome, long durationNanos);
}
