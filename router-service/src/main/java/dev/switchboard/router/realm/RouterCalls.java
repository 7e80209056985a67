package dev.switchboard.router.realm;

import dev.switchboard.router.auth.ProcedureCaller;
import dev.switchboard.router.routing.Peer;
import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.IdGenerator;
import dev.switchboard.wamp.Match;
import dev.switchboard.wamp.matching.UriPattern;
import dev.switchboard.wamp.message.Call;
import dev.switchboard.wamp.message.CallOptions;
import dev.switchboard.wamp.message.Error;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.Result;
import dev.switchboard.wamp.message.Roles;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The router's own calls into a realm (dynamic authenticators and authorizers), made through the realm's dealer on
 * its routing loop like the meta API's work: each call comes from an internal caller of its own, which is no member
 * of the realm and has no limits, and goes only to the callee of the procedure's exact registration, so that a
 * pattern registration can never stand in for it. The answer completes the returned stage on the realm's loop; the
 * loop never waits for it.
 */
public final class RouterCalls implements ProcedureCaller {

    /** The internal callers' identity, as a callee that asks for the caller's identity sees it. */
    public static final String AUTHID = "router";
    public static final String AUTHROLE = "trusted";

    private static final Roles CALLER = Roles.of(Map.of(Roles.CALLER, Set.of("call_timeout")));

    private final Realm realm;
    private final IdGenerator ids = IdGenerator.random();

    public RouterCalls(Realm realm) {
        this.realm = realm;
    }

    @Override
    public CompletionStage<Payload> call(String procedure, Payload arguments, Duration timeout) {
        CompletableFuture<Payload> answer = new CompletableFuture<>();
        realm.loop().execute(() -> {
            if (realm.dealer().lookup(new UriPattern(procedure, Match.EXACT)) == null) {
                answer.completeExceptionally(new CallFailure(ErrorUris.NO_SUCH_PROCEDURE,
                        "no callee registered for procedure " + procedure, true));
                return;
            }
            Peer caller = new Peer(ids.next(), AUTHID, AUTHROLE, CALLER, message -> {
                switch (message) {
                    case Result result when !result.details().progress() -> answer.complete(result.payload());
                    case Error error -> answer.completeExceptionally(new CallFailure(error.error(),
                            explanation(error.payload()), false));
                    default -> { }
                }
                return true;
            });
            realm.dealer().call(caller, new Call(1, new CallOptions(Math.max(1, timeout.toMillis()), false, false,
                    false, Map.of()), procedure, arguments), false);
        });
        return answer;
    }

    private static String explanation(Payload payload) {
        return payload instanceof Payload.Arguments arguments && !arguments.args().isEmpty()
                && arguments.args().getFirst() instanceof String text ? text : "";
    }
}
