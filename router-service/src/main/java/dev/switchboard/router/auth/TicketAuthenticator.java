package dev.switchboard.router.auth;

import dev.switchboard.wamp.message.ChallengeExtra;
import dev.switchboard.wamp.message.HelloDetails;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code ticket} (advanced profile, "Ticket-based Authentication"): the client names its authid and answers an
 * empty CHALLENGE with its ticket. Tickets are kept only as salted PBKDF2 hashes and compared in constant time.
 */
public final class TicketAuthenticator implements Authenticator {

    private static final int ITERATIONS = 10_000;
    private static final int KEYLEN = 32;

    /** A principal as configured: its role and the hash of its ticket. */
    private record Principal(String role, byte[] salt, byte[] hash) {
    }

    private final Map<String, Principal> principals;
    private final Principal decoy;

    /** @param tickets authid → (role, ticket); the plain tickets are hashed here and not kept */
    public TicketAuthenticator(Map<String, Map.Entry<String, String>> tickets) {
        Map<String, Principal> hashed = new HashMap<>();
        tickets.forEach((authid, roleAndTicket) -> hashed.put(authid, hash(roleAndTicket.getKey(),
                roleAndTicket.getValue())));
        this.principals = Map.copyOf(hashed);
        this.decoy = hash("", "");
    }

    private static Principal hash(String role, String ticket) {
        byte[] salt = Secrets.randomBytes(16);
        return new Principal(role, salt, Secrets.pbkdf2(ticket, salt, ITERATIONS, KEYLEN));
    }

    @Override
    public String method() {
        return "ticket";
    }

    @Override
    public AuthOutcome hello(String realm, HelloDetails details) {
        String authid = details.authid();
        Principal known = authid == null ? null : principals.get(authid);
        // an unknown authid is challenged like a known one, and checked against a decoy, so that timing and
        // answers do not tell them apart
        Principal principal = known != null ? known : decoy;
        return new AuthOutcome.Challenge("ticket", ChallengeExtra.DEFAULT, answer -> {
            byte[] offered = Secrets.pbkdf2(answer.signature(), principal.salt(), ITERATIONS, KEYLEN);
            boolean valid = Secrets.equal(offered, principal.hash());
            return valid && known != null
                    ? new AuthOutcome.Accept(authid, known.role(), "ticket", "static", Map.of())
                    : Denials.FAILED;
        });
    }
}
