package dev.switchboard.router.dealer;

import org.jspecify.annotations.Nullable;

/** Hears every call's life for its caller, for metrics. Called on the routing loop; must be cheap. */
public interface CallListener {

    CallListener NONE = new CallListener() {
        @Override
        public void onCallAccepted(Registration registration) {
        }

        @Override
        public void onCallRefused(@Nullable Registration registration, String procedure, String outcome) {
        }

        @Override
        public void onCallEnded(Registration registration, String procedure, String outcome, long durationNanos) {
        }

        @Override
        public void onCallAbandoned(Registration registration) {
        }
    };

    /** A call was accepted: it now runs at a callee or waits in the registration's queue, until it ends. */
    void onCallAccepted(Registration registration);

    /**
     * A call was refused at once, before it was accepted.
     *
     * @param registration the registration it was meant for, {@code null} when there was none
     * @param outcome      the error URI the caller received
     */
    void onCallRefused(@Nullable Registration registration, String procedure, String outcome);

    /**
     * An accepted call ended for its caller.
     *
     * @param outcome       {@code result}, or the error URI the caller received
     * @param durationNanos from CALL to the answer
     */
    void onCallEnded(Registration registration, String procedure, String outcome, long durationNanos);

    /** An accepted call's caller left before its answer: it ends without one. */
    void onCallAbandoned(Registration registration);

    /** A registration was created: calls to it may follow. */
    default void onRegistrationCreated(Registration registration) {
    }

    /**
     * A registration was deleted with its last callee, after every call its callers waited on ended: nothing more is
     * heard about it.
     */
    default void onRegistrationDeleted(Registration registration) {
    }
}
