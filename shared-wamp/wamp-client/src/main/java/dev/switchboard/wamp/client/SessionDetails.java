package dev.switchboard.wamp.client;

import dev.switchboard.wamp.message.WelcomeDetails;
import org.jspecify.annotations.Nullable;

/**
 * The session a router opened for the client (from WELCOME).
 *
 * @param sessionId the session id the router assigned
 * @param realm     the realm joined
 * @param welcome   the router's {@code WELCOME.Details}: its roles and features, and the identity given
 */
public record SessionDetails(long sessionId, String realm, WelcomeDetails welcome) {

    public @Nullable String authid() {
        return welcome.authid();
    }

    public @Nullable String authrole() {
        return welcome.authrole();
    }

    public @Nullable String authmethod() {
        return welcome.authmethod();
    }
}
