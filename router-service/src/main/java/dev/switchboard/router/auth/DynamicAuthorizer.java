package dev.switchboard.router.auth;

import dev.switchboard.wamp.message.Payload;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The decisions of a role configured with an {@code authorizer} procedure, in the manner of Crossbar.io: the router
 * calls it with {@code (session, uri, action, options)}, where {@code session} is {@code {session, authid,
 * authrole, authmethod, authprovider, authextra}}, {@code action} one of {@code call}, {@code register},
 * {@code publish}, {@code subscribe}, and {@code options} {@code {match}} for the patterns of REGISTER and SUBSCRIBE
 * (empty otherwise). It answers {@code true}/{@code false}, or {@code {allow, disclose?, cache?}}. An ERROR, a
 * timeout or any other answer denies; those are logged at WARN.
 */
public final class DynamicAuthorizer {

    private static final Logger log = LoggerFactory.getLogger(DynamicAuthorizer.class);

    /**
     * A decision and whether it may be reused.
     *
     * @param cache whether the same session may get the same decision for the same URI and action, without asking
     *              again, for as long as it lives (the authorizer answered {@code cache: true})
     */
    public record Answer(Authorizer.Decision decision, boolean cache) {

        static final Answer DENIED = new Answer(Authorizer.Decision.DENIED, false);
        static final Answer FAILED = new Answer(Authorizer.Decision.FAILED, false);
    }

    private final String procedure;
    private final ProcedureCaller caller;
    private final Duration timeout;

    public DynamicAuthorizer(String procedure, ProcedureCaller caller, Duration timeout) {
        this.procedure = procedure;
        this.caller = caller;
        this.timeout = timeout;
    }

    public String procedure() {
        return procedure;
    }

    /**
     * Asks the authorizer; never fails (a failure is a denial).
     *
     * @param session the session's details
     * @param options {@code {match}} for REGISTER and SUBSCRIBE, else empty
     */
    public CompletionStage<Answer> authorize(Map<String, Object> session, String uri, Action action,
                                             Map<String, Object> options) {
        String name = action.name().toLowerCase(Locale.ROOT);
        return caller.call(procedure, Payload.of(session, uri, name, options), timeout)
                .handle((result, failure) -> failure == null ? answer(result, session, uri, name)
                        : failed(failure, session, uri, name));
    }

    private Answer answer(Payload result, Map<String, Object> session, String uri, String action) {
        Object answer = result instanceof Payload.Arguments arguments && !arguments.args().isEmpty()
                ? arguments.args().getFirst() : null;
        if (answer instanceof Boolean allow) {
            return allow ? new Answer(Authorizer.Decision.ALLOWED, false) : Answer.DENIED;
        }
        if (answer instanceof Map<?, ?> map && map.get("allow") instanceof Boolean allow) {
            boolean disclose = Boolean.TRUE.equals(map.get("disclose"));
            boolean cache = Boolean.TRUE.equals(map.get("cache"));
            return new Answer(new Authorizer.Decision(allow, allow && disclose), cache);
        }
        log.warn("Dynamic authorizer {} answered neither a boolean nor {{allow, disclose?, cache?}} for {} {} of "
                + "session {}; denied", procedure, action, uri, session.get("session"));
        return Answer.DENIED;
    }

    private Answer failed(Throwable failure, Map<String, Object> session, String uri, String action) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof ProcedureCaller.CallFailure call) {
            log.warn("Dynamic authorizer {} failed for {} {} of session {}: {}{}; refused as authorization_failed",
                    procedure, action, uri, session.get("session"), call.error(),
                    call.unavailable() ? " (nobody registered it)" : "");
        } else {
            log.warn("Dynamic authorizer {} failed for {} {} of session {}; refused as authorization_failed",
                    procedure, action, uri, session.get("session"), cause);
        }
        return Answer.FAILED;
    }
}
