package dev.switchboard.router.auth;

import dev.switchboard.wamp.message.ChallengeExtra;
import java.util.Map;

/** What an authenticator decides about a joining session. */
public sealed interface AuthOutcome {

    /** The session is in, with this identity. */
    record Accept(String authid, String authrole, String authmethod, String authprovider,
                  Map<String, Object> authextra) implements AuthOutcome {

        public Accept {
            authextra = Map.copyOf(authextra);
        }
    }

    /** The client must answer this CHALLENGE with AUTHENTICATE. */
    record Challenge(String authmethod, ChallengeExtra extra) implements AuthOutcome {
    }

    /** The session is refused: ABORT with {@code reason} and a message that reveals nothing secret. */
    record Deny(String reason, String message) implements AuthOutcome {
    }
}
