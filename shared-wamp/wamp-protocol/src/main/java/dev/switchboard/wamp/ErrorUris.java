package dev.switchboard.wamp;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Set;

/**
 * The error URIs the WAMP specification predefines (basic and advanced profile), the Crossbar.io extension URIs that
 * clients depend on, the usual URI for an unexpected failure in a handler, and Switchboard's own limits. Used as
 * {@code ERROR.Error} and {@code ABORT.Reason}.
 */
public final class ErrorUris {

    // basic profile: interaction
    public static final String INVALID_URI = "wamp.error.invalid_uri";
    public static final String NO_SUCH_PROCEDURE = "wamp.error.no_such_procedure";
    public static final String PROCEDURE_ALREADY_EXISTS = "wamp.error.procedure_already_exists";
    public static final String NO_SUCH_REGISTRATION = "wamp.error.no_such_registration";
    public static final String NO_SUCH_SUBSCRIPTION = "wamp.error.no_such_subscription";
    public static final String INVALID_ARGUMENT = "wamp.error.invalid_argument";
    public static final String PAYLOAD_SIZE_EXCEEDED = "wamp.error.payload_size_exceeded";

    // basic profile: session close and abort
    public static final String PROTOCOL_VIOLATION = "wamp.error.protocol_violation";
    public static final String NO_SUCH_REALM = "wamp.error.no_such_realm";
    public static final String NO_SUCH_ROLE = "wamp.error.no_such_role";
    public static final String NO_SUCH_PRINCIPAL = "wamp.error.no_such_principal";
    public static final String NO_SUCH_SESSION = "wamp.error.no_such_session";

    // basic profile: authorization
    public static final String NOT_AUTHORIZED = "wamp.error.not_authorized";
    public static final String AUTHORIZATION_FAILED = "wamp.error.authorization_failed";

    // advanced profile
    public static final String AUTHENTICATION_FAILED = "wamp.error.authentication_failed";
    public static final String AUTHENTICATION_DENIED = "wamp.error.authentication_denied";
    public static final String NO_MATCHING_AUTH_METHOD = "wamp.error.no_matching_auth_method";
    public static final String CANCELED = "wamp.error.canceled";
    public static final String TIMEOUT = "wamp.error.timeout";
    public static final String OPTION_NOT_ALLOWED = "wamp.error.option_not_allowed";
    public static final String OPTION_DISALLOWED_DISCLOSE_ME = "wamp.error.option_disallowed.disclose_me";
    public static final String NO_ELIGIBLE_CALLEE = "wamp.error.no_eligible_callee";
    public static final String NO_AVAILABLE_CALLEE = "wamp.error.no_available_callee";
    public static final String UNAVAILABLE = "wamp.error.unavailable";
    public static final String NETWORK_FAILURE = "wamp.error.network_failure";
    public static final String FEATURE_NOT_SUPPORTED = "wamp.error.feature_not_supported";
    public static final String PROCEDURE_EXISTS_WITH_DIFFERENT_INVOCATION_POLICY =
            "wamp.error.procedure_exists_with_different_invocation_policy";

    // Crossbar.io extensions that clients of Crossbar depend on
    public static final String MAX_CONCURRENCY_REACHED = "crossbar.error.max_concurrency_reached";

    /** A handler failed in a way it did not describe (Autobahn's convention, followed by every client here). */
    public static final String RUNTIME_ERROR = "wamp.error.runtime_error";

    // Switchboard's router limits
    public static final String TOO_MANY_PENDING_CALLS = "switchboard.error.too_many_pending_calls";
    public static final String TOO_MANY_SUBSCRIPTIONS = "switchboard.error.too_many_subscriptions";

    private static final Set<String> ALL = all();

    private ErrorUris() {
    }

    /**
     * Whether {@code uri} is one of the URIs above. Metrics tag these as they are and any other error (a callee's
     * own) as one value, so that callees cannot grow a meter registry without bound.
     */
    public static boolean isStandard(String uri) {
        return ALL.contains(uri);
    }

    private static Set<String> all() {
        Set<String> uris = new HashSet<>();
        for (Field field : ErrorUris.class.getDeclaredFields()) {
            if (Modifier.isPublic(field.getModifiers()) && Modifier.isStatic(field.getModifiers())
                    && field.getType() == String.class) {
                try {
                    uris.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Set.copyOf(uris);
    }
}
