package dev.switchboard.router.auth;

import org.jspecify.annotations.Nullable;

/**
 * Decides what an established session may do. Called on the session's transport thread before a request is handed
 * to the realm; a refusal is answered with ERROR {@code wamp.error.not_authorized}. Roles with a
 * {@linkplain #dynamic dynamic authorizer} are decided by a WAMP procedure instead.
 */
public interface Authorizer {

    /** Everything allowed, nothing disclosed unasked: the getting-started default of a realm without roles. */
    Authorizer PERMIT_ALL = new Authorizer() {
        @Override
        public Decision authorize(String authrole, Action action, String uri) {
            return Decision.ALLOWED;
        }

        @Override
        public boolean trusted(String authrole) {
            return true;
        }
    };

    /**
     * The decision for one request.
     *
     * @param allowed  whether the action is allowed
     * @param disclose whether the router discloses the session to callees or subscribers even unasked
     * @param failed   not allowed because the authorizer could not decide (a dynamic authorizer that is not
     *                 registered, failed or timed out): refused with {@code wamp.error.authorization_failed}, which a
     *                 client may try again, rather than {@code wamp.error.not_authorized}
     */
    record Decision(boolean allowed, boolean disclose, boolean failed) {
        public static final Decision ALLOWED = new Decision(true, false, false);
        public static final Decision DENIED = new Decision(false, false, false);
        public static final Decision FAILED = new Decision(false, false, true);

        public Decision(boolean allowed, boolean disclose) {
            this(allowed, disclose, false);
        }
    }

    Decision authorize(String authrole, Action action, String uri);

    /** Whether {@code authrole} may use the router's administrative procedures ({@code wamp.session.kill*}). */
    boolean trusted(String authrole);

    /**
     * The dynamic authorizer that decides for {@code authrole}, or {@code null} when {@link #authorize} decides.
     * Its answers come later, on a routing loop: the session holds its requests until then.
     */
    default @Nullable DynamicAuthorizer dynamic(String authrole) {
        return null;
    }
}
