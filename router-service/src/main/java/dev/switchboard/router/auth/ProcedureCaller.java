package dev.switchboard.router.auth;

import dev.switchboard.wamp.message.Payload;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * Calls a WAMP procedure on behalf of the router, as dynamic authenticators and authorizers need: the call goes
 * through a realm's dealer like any other, to the callee of the procedure's exact registration. Never blocks.
 */
@FunctionalInterface
public interface ProcedureCaller {

    /**
     * @param timeout how long the callee has to answer ({@code CALL.Options.timeout})
     * @return the payload of the RESULT; or a {@link CallFailure}: the callee's ERROR, {@code wamp.error.timeout},
     *         or {@linkplain CallFailure#unavailable() no registration}
     */
    CompletionStage<Payload> call(String procedure, Payload arguments, Duration timeout);

    /** A router-made call that did not yield a result. */
    final class CallFailure extends RuntimeException {

        private final String error;
        private final boolean unavailable;

        /**
         * @param error       the error URI
         * @param message     what the ERROR said (its first argument), or why the call could not be made
         * @param unavailable whether nobody has registered the procedure
         */
        public CallFailure(String error, String message, boolean unavailable) {
            super(message, null, false, false);
            this.error = error;
            this.unavailable = unavailable;
        }

        public String error() {
            return error;
        }

        public boolean unavailable() {
            return unavailable;
        }
    }
}
