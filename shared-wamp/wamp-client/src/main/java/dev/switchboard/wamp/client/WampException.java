package dev.switchboard.wamp.client;

import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.message.Payload;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A WAMP error: an {@code ERROR} the router or another peer answered with, identified by its URI and carrying its
 * arguments. Callers get it as the cause of a failed future (application errors of callees included, with the
 * callee's URI, args and kwargs); a callee's {@link InvocationHandler} throws it to answer a call with exactly that
 * error.
 */
public class WampException extends RuntimeException {

    /** Refusals of a REGISTER or SUBSCRIBE that may clear by themselves (see {@link #mayClearOnRetry}). */
    private static final Set<String> TRANSIENT_REFUSALS = Set.of(ErrorUris.UNAVAILABLE, ErrorUris.TIMEOUT,
            ErrorUris.NETWORK_FAILURE, ErrorUris.AUTHORIZATION_FAILED);

    private final String error;
    private final Payload.Arguments arguments;

    /** An error with the given URI and arguments (as sent on the wire). */
    public WampException(String error, Payload.Arguments arguments) {
        this(error, arguments, null);
    }

    /** An error with the given URI and arguments, caused by {@code cause}. */
    protected WampException(String error, Payload.Arguments arguments, @Nullable Throwable cause) {
        super(describe(error, arguments), cause);
        this.error = error;
        this.arguments = arguments;
    }

    public WampException(String error, List<?> args, Map<String, ?> kwargs) {
        this(error, Payload.of(args, kwargs));
    }

    /** An error whose only argument is a human-readable message (the usual form, e.g. Autobahn's). */
    public WampException(String error, String message) {
        this(error, Payload.of(message));
    }

    /** The error URI, e.g. {@code wamp.error.no_such_procedure} or an application URI. */
    public String error() {
        return error;
    }

    /** The error's positional and keyword arguments. */
    public Payload.Arguments arguments() {
        return arguments;
    }

    public List<Object> args() {
        return arguments.args();
    }

    public Map<String, Object> kwargs() {
        return arguments.kwargs();
    }

    private static String describe(String error, Payload.Arguments arguments) {
        if (!arguments.args().isEmpty() && arguments.args().getFirst() instanceof String message) {
            return error + ": " + message;
        }
        return arguments.isEmpty() ? error : error + " " + arguments.args() + " " + arguments.kwargs();
    }

    /**
     * Whether the router's refusal of a REGISTER ({@code registration}) or a SUBSCRIBE may clear if the same request
     * is sent again later: the session is ending ({@link NotConnectedException}: the next one makes it again), the
     * router was briefly unavailable or timed out, its authorizer could not decide ({@code authorization_failed}, e.g.
     * not registered again yet after a router restart), or (registrations only)
     * {@code procedure_already_exists} while the router still holds this client's previous session. Every other
     * refusal (not authorized, an invalid URI, a different invocation policy, an option not allowed) stays.
     */
    public static boolean mayClearOnRetry(Throwable failure, boolean registration) {
        if (failure instanceof NotConnectedException) {
            return true;
        }
        return failure instanceof WampException wamp && (TRANSIENT_REFUSALS.contains(wamp.error())
                || registration && ErrorUris.PROCEDURE_ALREADY_EXISTS.equals(wamp.error()));
    }
}
