package dev.switchboard.router.auth;

import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.message.Authenticate;
import dev.switchboard.wamp.message.HelloDetails;

/** One authentication method of a realm ({@code anonymous}, {@code ticket}, {@code wampcra}, ...). */
public interface Authenticator {

    /** The method's name as clients offer it in {@code HELLO.Details.authmethods}. */
    String method();

    /** The first step, on HELLO: accept, challenge or deny. */
    AuthOutcome hello(String realm, HelloDetails details);

    /** The client's answer to a challenge this authenticator issued. */
    default AuthOutcome authenticate(String realm, HelloDetails details, Authenticate answer) {
        return new AuthOutcome.Deny(ErrorUris.AUTHENTICATION_FAILED, "unexpected AUTHENTICATE");
    }
}
