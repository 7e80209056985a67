package dev.switchboard.router.auth;

import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.message.ChallengeExtra;
import dev.switchboard.wamp.message.HelloDetails;
import dev.switchboard.wamp.message.Payload;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ticket} checked by a dynamic authenticator, in the manner of Crossbar.io: the client is challenged for its
 * ticket, then the router calls the authenticator procedure with {@code (realm, authid, details)}, where
 * {@code details} holds {@code authmethod}, {@code authid}, {@code authrole} (what the client asked for, or null),
 * {@code authextra} and {@code ticket}. The procedure answers with the role as a string, or with a dictionary
 * {@code {role, authid?, extra?}} ({@code extra} becomes {@code WELCOME.Details.authextra}); an ERROR refuses.
 *
 * <p>Every failure is answered with ABORT {@code wamp.error.authentication_failed}: a refusal, a timeout and an
 * answer that is neither look alike to the client, so that the authenticator's messages stay private. The router
 * logs them at WARN with the authid and the error, never the ticket. When no session has registered the procedure,
 * the ABORT says that the authenticator is unavailable.
 */
public final class DynamicTicketAuthenticator implements Authenticator {

    private static final Logger log = LoggerFactory.getLogger(DynamicTicketAuthenticator.class);

    /** The methods a dynamic authenticator can serve. */
    public static final List<String> METHODS = List.of("ticket");

    static final AuthOutcome.Deny UNAVAILABLE = new AuthOutcome.Deny(ErrorUris.AUTHENTICATION_FAILED,
            "authentication failed: the authenticator is unavailable");

    private final String procedure;
    private final ProcedureCaller caller;
    private final Duration timeout;

    /**
     * @param procedure the authenticator's URI
     * @param caller    calls it, on the realm where it is registered
     * @param timeout   how long it has to answer; a later answer counts as a refusal
     */
    public DynamicTicketAuthenticator(String procedure, ProcedureCaller caller, Duration timeout) {
        this.procedure = procedure;
        this.caller = caller;
        this.timeout = timeout;
    }

    @Override
    public String method() {
        return "ticket";
    }

    @Override
    public AuthOutcome hello(String realm, HelloDetails hello) {
        return new AuthOutcome.Challenge("ticket", ChallengeExtra.DEFAULT,
                answer -> new AuthOutcome.Pending(authenticate(realm, hello, answer.signature())));
    }

    private CompletionStage<AuthOutcome> authenticate(String realm, HelloDetails hello, String ticket) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("authmethod", "ticket");
        details.put("authid", hello.authid());
        details.put("authrole", hello.authrole());
        details.put("authextra", hello.authextra());
        details.put("ticket", ticket);
        return caller.call(procedure, Payload.of(realm, hello.authid(), details), timeout)
                .handle((result, failure) -> failure == null ? accept(realm, hello.authid(), result)
                        : refuse(realm, hello.authid(), failure, ticket));
    }

    /** The authenticator's answer: a role, or {@code {role, authid?, extra?}}. */
    private AuthOutcome accept(String realm, @Nullable String requestedAuthid, Payload result) {
        Object answer = result instanceof Payload.Arguments arguments && !arguments.args().isEmpty()
                ? arguments.args().getFirst() : null;
        String role = null;
        String authid = requestedAuthid;
        Map<String, Object> extra = Map.of();
        if (answer instanceof String name) {
            role = name;
        } else if (answer instanceof Map<?, ?> map) {
            role = map.get("role") instanceof String name ? name : null;
            if (map.get("authid") instanceof String assigned) {
                authid = assigned;
            }
            if (map.get("extra") instanceof Map<?, ?> given) {
                Map<String, Object> copy = new LinkedHashMap<>();
                given.forEach((key, value) -> copy.put(String.valueOf(key), value));
                extra = copy;
            }
        }
        if (role == null || role.isBlank() || authid == null) {
            log.warn("Dynamic authenticator {} answered for authid {} on realm {} with neither a role nor "
                    + "{{role, authid?, extra?}}; refused", procedure, requestedAuthid, realm);
            return Denials.FAILED;
        }
        return new AuthOutcome.Accept(authid, role, "ticket", "dynamic", extra);
    }

    private AuthOutcome refuse(String realm, @Nullable String authid, Throwable failure, String ticket) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof ProcedureCaller.CallFailure call) {
            if (call.unavailable()) {
                log.warn("Dynamic authenticator {} is unavailable (nobody registered it): authid {} on realm {} "
                        + "refused", procedure, authid, realm);
                return UNAVAILABLE;
            }
            log.warn("Dynamic authenticator {} refused authid {} on realm {}: {} {}", procedure, authid, realm,
                    call.error(), redact(call.getMessage(), ticket));
        } else {
            log.warn("Dynamic authenticator {} failed for authid {} on realm {}", procedure, authid, realm, cause);
        }
        return Denials.FAILED;
    }

    /** The authenticator's message without the ticket, should it quote it. */
    static String redact(@Nullable String message, String ticket) {
        if (message == null) {
            return "";
        }
        return ticket.isEmpty() ? message : message.replace(ticket, "****");
    }
}
