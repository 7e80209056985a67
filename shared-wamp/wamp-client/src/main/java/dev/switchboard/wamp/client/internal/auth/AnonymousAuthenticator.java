package dev.switchboard.wamp.client.internal.auth;

import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.client.Authenticator;
import dev.switchboard.wamp.client.WampException;
import dev.switchboard.wamp.message.Authenticate;
import dev.switchboard.wamp.message.ChallengeExtra;

/** {@code anonymous}: offered by name; a router never challenges it. */
public final class AnonymousAuthenticator implements Authenticator {

    public static final AnonymousAuthenticator INSTANCE = new AnonymousAuthenticator();

    private AnonymousAuthenticator() {
    }

    @Override
    public String authMethod() {
        return "anonymous";
    }

    @Override
    public Authenticate authenticate(ChallengeExtra challenge) {
        throw new WampException(ErrorUris.AUTHENTICATION_FAILED, "anonymous authentication has no challenge");
    }
}
