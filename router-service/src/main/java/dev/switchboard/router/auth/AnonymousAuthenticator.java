package dev.switchboard.router.auth;

import dev.switchboard.wamp.IdGenerator;
import dev.switchboard.wamp.message.HelloDetails;
import java.util.Map;

/**
 * {@code anonymous}: everyone is let in with the configured role; the authid is the one the client asked for, or a
 * random one.
 */
public final class AnonymousAuthenticator implements Authenticator {

    private final String authrole;
    private final IdGenerator ids = IdGenerator.random();

    public AnonymousAuthenticator(String authrole) {
        this.authrole = authrole;
    }

    @Override
    public String method() {
        return "anonymous";
    }

    @Override
    public AuthOutcome hello(String realm, HelloDetails details) {
        String authid = details.authid() != null ? details.authid() : "anonymous-" + Long.toString(ids.next(), 36);
        return new AuthOutcome.Accept(authid, authrole, "anonymous", "static", Map.of());
    }
}
