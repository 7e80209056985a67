package dev.switchboard.router.auth;

import dev.switchboard.wamp.message.Authenticate;
import dev.switchboard.wamp.message.ChallengeExtra;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** What an authenticator decides about a joining session. */
public sealed interface AuthOutcome {

    /** The session is in, with this identity. */
    record Accept(String authid, String authrole, String authmethod, String authprovider,
                  Map<String, Object> authextra) implements AuthOutcome {

        public Accept {
            authextra = Map.copyOf(authextra);
        }
    }

    /**
     * The client must answer this CHALLENGE with AUTHENTICATE, which {@code verifier} then judges. The verifier holds
     * what the challenge was (a nonce), so each challenge can be answered once.
     */
    record Challenge(String authmethod, ChallengeExtra extra, Verifier verifier) implements AuthOutcome {
    }

    /**
     * The decision is made elsewhere (a dynamic authenticator): the session waits, hearing nothing, until
     * {@code outcome} completes with one of the other outcomes.
     */
    record Pending(CompletionStage<AuthOutcome> outcome) implements AuthOutcome {
    }

    /** The session is refused: ABORT with {@code reason} and a message that reveals nothing secret. */
    record Deny(String reason, String message) implements AuthOutcome {
    }

    /** Judges the answer to one challenge. */
    @FunctionalInterface
    interface Verifier {
        AuthOutcome verify(Authenticate answer);
    }
}
