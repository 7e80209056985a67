package dev.switchboard.wamp.client.internal.auth;

import dev.switchboard.wamp.client.Authenticator;
import dev.switchboard.wamp.message.Authenticate;
import dev.switchboard.wamp.message.ChallengeExtra;
import java.util.Map;

/** {@code ticket}: the answer to the (empty) challenge is the ticket itself (advanced profile, "Ticket-based"). */
public final class TicketAuthenticator implements Authenticator {

    private final String ticket;

    public TicketAuthenticator(String ticket) {
        this.ticket = ticket;
    }

    @Override
    public String authMethod() {
        return "ticket";
    }

    @Override
    public Authenticate authenticate(ChallengeExtra challenge) {
        return new Authenticate(ticket, Map.of());
    }

    @Override
    public String toString() {
        return "ticket authenticator"; // never the ticket
    }
}
