package dev.switchboard.wamp;

/**
 * The error URIs the WAMP specification predefines (basic and advanced profile), plus the Crossbar.io extension
 * URIs that clients depend on. Used as {@code ERROR.Error} and {@code ABORT.Reason}.
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

    private ErrorUris() {
    }
}
