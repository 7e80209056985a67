package dev.switchboard.router.auth;

import dev.switchboard.wamp.ErrorUris;

/**
 * The one answer to every failed authentication: it does not tell an unknown authid from a wrong secret, so that
 * probing reveals nothing.
 */
final class Denials {

    static final AuthOutcome.Deny FAILED =
            new AuthOutcome.Deny(ErrorUris.AUTHENTICATION_FAILED, "authentication failed");

    private Denials() {
    }
}
